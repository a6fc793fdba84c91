package wirelab.grading.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Points;

/** Not a test of ours: what SandboxUidTest runs as a sandbox uid (the name keeps Surefire away). */
@TestMethodOrder(MethodOrderer.MethodName.class)
class EscapeFixture {

    /** The file test1 leaves in /tmp: its name comes from the test through a system property. */
    static Path marker() {
        return Path.of(System.getProperty("fixture.marker", "/tmp/wirelab-escape-fixture"));
    }

    @Test
    @Points(1)
    void test1_leavesAChildAndAFile() throws Exception {
        new ProcessBuilder("setsid", "-f", "sleep", "60").start().waitFor();
        Files.writeString(marker(), "left behind\n");
    }

    @Test
    @Points(1)
    void test2_cannotReadTheCourse() throws Exception {
        assertFalse(Files.isReadable(Path.of(System.getProperty("fixture.secret"))), "the course's secret is readable");
        // the real uid, as the kernel has it (UnixSystem says 0 for a uid without an account)
        String uid = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                .findFirst().orElseThrow().split("\\s+")[1];
        String[] range = System.getProperty("fixture.uids").split("-");
        int real = Integer.parseInt(uid);
        assertTrue(real >= Integer.parseInt(range[0]) && real <= Integer.parseInt(range[1]), "runs as uid " + uid);
    }
}
