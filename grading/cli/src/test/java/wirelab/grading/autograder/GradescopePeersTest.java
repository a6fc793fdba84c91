package wirelab.grading.autograder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.course.LabPoints;
import wirelab.testkit.Peers;
import wirelab.testkit.Tools;

/**
 * Gradescope grades everything that counts: each lab's setup.sh installs every program its tests
 * drive, and its README names the total every other channel states. The Chromium part of setup.sh
 * is run for real here, on stubs for what needs Gradescope's network (Google's .deb, apt), with the
 * machine's real Chromium behind the installed name, so its probe renders a page.
 */
class GradescopePeersTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("every lab's setup.sh installs the program of every @Needs test, and its README states the lab's total")
    void setupInstallsEveryPeerAndReadmeStatesTheTotal() {
        Course course = Course.locate();
        for (Lab lab : course.labList()) {
            AutograderBundle bundle = new AutograderBundle(course, lab);
            String setup = bundle.setup();
            String install = setup.lines().filter(l -> l.startsWith("apt-get install -y -q --no-install-recommends openjdk"))
                    .findFirst().orElseThrow(() -> new AssertionError(lab.name() + ": no JDK install line in setup.sh:\n" + setup));
            for (String program : bundle.peerPrograms()) {
                if (program.equals("chromium")) {
                    assertTrue(setup.contains("google-chrome-stable") && setup.contains("/usr/bin/chromium"),
                            lab.name() + ": a test drives Chromium, so setup.sh must install it:\n" + setup);
                } else {
                    assertTrue(List.of(install.split(" ")).contains(Peers.debianPackage(program)),
                            lab.name() + ": a test drives " + program + ", so setup.sh must install "
                                    + Peers.debianPackage(program) + ":\n" + install);
                }
            }
            assertEquals(bundle.peerPrograms().contains("chromium"), setup.contains("google-chrome"),
                    lab.name() + ": Chromium is installed exactly where a test needs it");
            String readme = new String(bundle.files().get("README.md"), StandardCharsets.UTF_8);
            String total = LabPoints.num(LabPoints.of(lab).total()) + " points";
            assertTrue(readme.contains("The assignment's total: " + total), lab.name() + ": README must state " + total + ":\n" + readme);
        }
        assertEquals(List.of("chromium", "curl"), new AutograderBundle(course, course.requireLab("dispatcher")).peerPrograms());
        assertEquals(List.of("nc", "python3"), new AutograderBundle(course, course.requireLab("sockets")).peerPrograms());
    }

    @Test
    @DisplayName("setup.sh's Chromium step: where chromium is Ubuntu's snap wrapper, it installs Google's .deb as chromium and renders a page")
    void chromiumStepInstallsAWorkingBrowser() throws Exception {
        Path real = Tools.find("chromium").orElse(null);
        Assumptions.assumeTrue(real != null, "needs a real Chromium to stand in for Google Chrome (apt-get install chromium)");
        Path stubs = Files.createDirectories(tmp.resolve("stubs"));
        Path log = tmp.resolve("calls.log");
        // Ubuntu's chromium in a container: the snap wrapper, which cannot run there
        stub(stubs, "chromium", "echo \"Command '/usr/bin/chromium-browser' requires the chromium snap to be installed.\" >&2; exit 1");
        stub(stubs, "apt-get", "echo \"apt-get $*\" >> '" + log + "'");
        stub(stubs, "curl", "echo \"curl $*\" >> '" + log + "'; while [ $# -gt 1 ]; do [ \"$1\" = -o ] && : > \"$2\"; shift; done");
        // the .deb's google-chrome-stable: the machine's real Chromium
        Files.createSymbolicLink(stubs.resolve("google-chrome-stable"), real);
        // ln -sf TARGET /usr/bin/chromium: made in the stub folder instead, in front of the failing wrapper
        stub(stubs, "ln", "echo \"ln $*\" >> '" + log + "'; /bin/rm -f '" + stubs + "/chromium'; /bin/ln -s \"$2\" '" + stubs + "/chromium'");
        Path script = tmp.resolve("chromium-step.sh");
        Files.writeString(script, "set -euo pipefail\n" + AutograderBundle.CHROMIUM);

        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.txt").toFile());
        pb.environment().put("PATH", stubs + ":/usr/bin:/bin");
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the Chromium step did not finish in 2 minutes");
        String out = Files.readString(tmp.resolve("out.txt"));
        String calls = Files.exists(log) ? Files.readString(log) : "";
        assertEquals(0, p.exitValue(), "the Chromium step failed:\n" + out + "\ncalls:\n" + calls);
        assertTrue(calls.contains("https://dl.google.com/linux/direct/google-chrome-stable_current_amd64.deb"),
                "it must fetch Google's .deb:\n" + calls);
        assertTrue(calls.contains("apt-get install -y -q /tmp/google-chrome.deb"), "it must install the .deb with apt (its dependencies):\n" + calls);
        assertTrue(calls.contains("ln -sf " + stubs.resolve("google-chrome-stable") + " /usr/bin/chromium"),
                "it must name it chromium in /usr/bin, the sandbox's PATH:\n" + calls);
    }

    @Test
    @DisplayName("setup.sh's Chromium step fails the image build when the browser cannot render a page")
    void chromiumStepFailsLoudly() throws Exception {
        Path stubs = Files.createDirectories(tmp.resolve("stubs"));
        // a "chromium" that answers --version but renders nothing
        stub(stubs, "chromium", "[ \"$1\" = --version ] && { echo 'Chromium 150.0'; exit 0; }; echo 'no display' >&2; exit 1");
        Path script = tmp.resolve("chromium-step.sh");
        Files.writeString(script, "set -euo pipefail\n" + AutograderBundle.CHROMIUM);
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().put("PATH", stubs + ":/usr/bin:/bin");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertFalse(p.exitValue() == 0, "a browser that renders nothing must fail setup.sh:\n" + out);
        assertTrue(out.contains("headless Chromium did not render a page") && out.contains("no display"), out);
    }

    private static void stub(Path dir, String name, String body) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
