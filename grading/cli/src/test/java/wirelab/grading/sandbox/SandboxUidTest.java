package wirelab.grading.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.files.Folders;
import wirelab.grading.run.RunOutcome;
import wirelab.grading.run.TestJvm;
import wirelab.grading.run.TestJvmSpec;
import wirelab.grading.run.TestResult;
import wirelab.grading.run.Threat;

/**
 * The sandbox uid layer for real, as a Gradescope container has it (root, no bubblewrap): it needs
 * root and setpriv, and is skipped elsewhere.
 */
class SandboxUidTest {

    @TempDir
    Path tmp;
    SandboxUids uids;

    @BeforeEach
    void root() {
        assumeTrue(Isolation.isRoot(), "the sandbox uids need root");
        // a range of their own: graders running on this machine meanwhile hold uids of the default one
        System.setProperty("wirelab.sandbox.uids", "64400-64431");
        uids = SandboxUids.fromEnvironment(tmp.resolve("locks"));
    }

    @AfterEach
    void defaultRange() {
        System.clearProperty("wirelab.sandbox.uids");
    }

    @Test
    @DisplayName("every process of a sandbox uid ends, a setsid child and a double fork included")
    void killAllEndsWhatLeftTheTree() throws Exception {
        try (SandboxUids.Lease lease = uids.acquire()) {
            List<String> escape = new ArrayList<>(SandboxUids.as(lease.uid()));
            escape.addAll(List.of("/bin/sh", "-c", "setsid -f sleep 60; (sleep 60 &) ; exit 0"));
            assertEquals(0, new ProcessBuilder(escape).start().waitFor());
            assertTrue(SandboxUids.processes(lease.uid()).size() >= 2, "the two sleeps run on, out of any tree");
            List<SandboxUids.Proc> ended = SandboxUids.killAll(lease.uid());
            assertTrue(ended.size() >= 2, ended.toString());
            assertEquals(List.of(), SandboxUids.processes(lease.uid()));
        }
    }

    @Test
    @DisplayName("two holders never get the same uid, and a uid comes back when its lease closes")
    void leasesAreExclusive() {
        try (SandboxUids.Lease a = uids.acquire(); SandboxUids.Lease b = uids.acquire()) {
            assertTrue(a.uid() != b.uid());
            SandboxUids other = SandboxUids.fromEnvironment(tmp.resolve("locks"));
            try (SandboxUids.Lease c = other.acquire()) {
                assertTrue(c.uid() != a.uid() && c.uid() != b.uid(), "another grader's lease is held by its lock file");
            }
            int first = a.uid();
            a.close();
            try (SandboxUids.Lease again = uids.acquire()) {
                assertEquals(first, again.uid());
            }
        }
    }

    @Test
    @DisplayName("what a sandbox uid leaves in the shared temporary folders is found by owner and removed")
    void straysAreFoundByOwner() throws Exception {
        Strays strays = new Strays(Strays.PLACES);
        try (SandboxUids.Lease lease = uids.acquire()) {
            String name = "wirelab-stray-" + UUID.randomUUID();
            List<String> write = new ArrayList<>(SandboxUids.as(lease.uid()));
            write.addAll(List.of("/bin/sh", "-c", "echo x > /tmp/" + name + "; mkdir /dev/shm/" + name + " && echo yy > /dev/shm/"
                    + name + "/f"));
            assertEquals(0, new ProcessBuilder(write).start().waitFor());
            List<Strays.Found> found = strays.find(lease.uid());
            assertEquals(List.of(Path.of("/tmp", name), Path.of("/dev/shm", name)),
                    found.stream().map(Strays.Found::path).sorted((x, y) -> y.compareTo(x)).toList());
            Strays.remove(found);
            assertFalse(Files.exists(Path.of("/tmp", name)) || Files.exists(Path.of("/dev/shm", name)));
            assertEquals(List.of(), strays.find(lease.uid()));
        }
        // what any JVM leaves under its user's name is removed without a word against the submission
        assertTrue(Strays.jvmsOwn(Path.of("/tmp/hsperfdata_wirelab-sandbox-3")) && Strays.jvmsOwn(Path.of("/tmp/.java_pid42")));
        assertFalse(Strays.jvmsOwn(Path.of("/tmp/wirelab-hostile-wrote")) || Strays.jvmsOwn(Path.of("/dev/shm/hsperfdata_x")));
    }

    @Test
    @DisplayName("a folder every user may read is closed to the sandbox uid, loudly, and then it cannot read it")
    void exposedFoldersAreClosed() throws Exception {
        Path course = Perms.dir(Files.createTempDirectory(Path.of("/var/tmp"), "wirelab-course"), "rwxr-xr-x");
        try {
            Path secret = Files.writeString(course.resolve("Hidden.java"), "class Hidden {}");
            Perms.set(secret, "rw-r--r--");
            IsolatedSandbox sandbox = uidSandbox();
            assertEquals(List.of(secret), Exposure.readable(sandbox, List.of(secret)));
            List<String> said = new ArrayList<>();
            Exposure.close(sandbox, List.of(new wirelab.grading.run.Sandbox.Guarded(secret, course, "the course")), said::add);
            assertEquals(List.of(), Exposure.readable(sandbox, List.of(secret)));
            assertTrue(said.size() == 1 && said.get(0).contains("chmod o-rwx"), said.toString());
        } finally {
            Folders.delete(course);
        }
    }

    @Test
    @DisplayName("a test JVM runs as a sandbox uid: the course closed to it, and its child and /tmp file ended with it")
    void aTestJvmRunsAsASandboxUid() throws Exception {
        IsolatedSandbox sandbox = uidSandbox();
        assertTrue(sandbox.confines(Threat.READ) && sandbox.confines(Threat.OUTLIVE) && !sandbox.bubblewrap());
        Path work = Perms.dir(Files.createTempDirectory(Path.of("/var/tmp"), "wirelab-work"), "rwx--x--x");
        Path secret = Files.writeString(Perms.dir(tmp.resolve("course"), "rwx------").resolve("Secret.java"), "class Secret {}");
        Path marker = Path.of("/tmp", "wirelab-escape-" + UUID.randomUUID());
        try {
            List<Path> cp = Arrays.stream(System.getProperty("java.class.path").split(":")).map(Path::of).toList();
            TestJvmSpec spec = new TestJvmSpec(Path.of(System.getProperty("java.home")), cp,
                    List.of("--class", EscapeFixture.class.getName()), Duration.ofSeconds(30), Duration.ofSeconds(120),
                    256, work.resolve("run-1"), 1 << 20, List.of("-Dfixture.marker=" + marker, "-Dfixture.secret=" + secret,
                            "-Dfixture.uids=" + uids.range()));
            RunOutcome outcome;
            try {
                outcome = new TestJvm(sandbox).run(spec);
            } finally {
                sandbox.release(spec);
            }
            assertEquals(List.of("passed", "passed"), outcome.results().stream().map(TestResult::status).toList(),
                    outcome.results() + "\n" + outcome.outputTail());
            assertTrue(outcome.problems().stream().anyMatch(p -> p.contains("ended 1 process(es)") && p.contains("sleep")),
                    outcome.problems().toString());
            assertTrue(outcome.problems().stream().anyMatch(p -> p.contains("wrote outside its work folder") && p.contains(
                    marker.toString())), outcome.problems().toString());
            assertFalse(Files.exists(marker), "removed when the JVM ended");
            assertEquals(List.of(), sandbox.leftovers());
        } finally {
            Files.deleteIfExists(marker);
            Folders.delete(work);
        }
    }

    /** The layer Gradescope gets: sandbox uids and limits, no bubblewrap. */
    private IsolatedSandbox uidSandbox() {
        String before = System.getProperty("wirelab.sandbox");
        System.setProperty("wirelab.sandbox", "uid");
        try {
            Path base = Perms.dir(tmp.resolve("base"), "rwx--x--x");
            Perms.set(tmp, "rwx--x--x");
            return (IsolatedSandbox) Isolation.detect(Path.of(System.getProperty("java.home")), base);
        } finally {
            if (before == null) {
                System.clearProperty("wirelab.sandbox");
            } else {
                System.setProperty("wirelab.sandbox", before);
            }
        }
    }
}
