package wirelab.grading.autograder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.course.Course;

class AutograderBundleTest {

    @TempDir
    Path tmp;

    @Test
    void bundleHasGradescopesLayoutAndTheHiddenTests() throws Exception {
        Course course = Course.locate();
        AutograderBundle bundle = new AutograderBundle(course, course.requireLab("threads"));
        Map<String, byte[]> files = bundle.files();
        for (String f : new String[] {"setup.sh", "run_autograder", "course/pom.xml", "course/mvnw", "course/wirelab",
                "course/.mvn/wrapper/maven-wrapper.properties", "course/grading/cli/pom.xml", "course/grading/runner/pom.xml",
                "course/grading/testkit/pom.xml", "course/solutions/threads/pom.xml", "course/modules/week2-threads/module.yaml"}) {
            assertTrue(files.containsKey(f), "the bundle lacks " + f);
        }
        assertTrue(files.keySet().stream().anyMatch(f -> f.startsWith("course/solutions/threads/src/grading/java/")),
                "the hidden tests must be in the autograder");
        assertFalse(files.keySet().stream().anyMatch(f -> f.contains("/target/") || f.startsWith("course/solutions/sockets")));
        String pom = new String(files.get("course/pom.xml"), StandardCharsets.UTF_8);
        assertTrue(pom.contains("<module>solutions/threads</module>") && !pom.contains("<module>labs</module>")
                && !pom.contains("<module>grading/similarity</module>"), pom);
        String setup = new String(files.get("setup.sh"), StandardCharsets.UTF_8);
        assertTrue(setup.contains("openjdk-17-jdk-headless") && setup.contains("bubblewrap"));
        // the sandbox users before anything is graded, and the course and results closed to them
        assertTrue(setup.contains("$(seq 61000 61063)") && setup.contains("useradd"), setup);
        assertTrue(setup.indexOf("chmod 700 /autograder/source /autograder/results") < setup.indexOf("./wirelab grade"), setup);
        String run = new String(files.get("run_autograder"), StandardCharsets.UTF_8);
        assertTrue(run.contains("autograder --run --lab threads") && run.contains("WIRELAB_GRADESCOPE_ROOT"));

        Path zip = tmp.resolve("threads-autograder.zip");
        bundle.write(zip);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertEquals(files.size(), z.size());
            assertTrue(z.getEntry("setup.sh") != null && z.getEntry("run_autograder") != null, "scripts at the zip's root");
        }
        // unzip must restore the executable bits (Gradescope executes run_autograder as is)
        if (Files.isExecutable(Path.of("/usr/bin/unzip"))) {
            Path out = Files.createDirectories(tmp.resolve("unzipped"));
            Process p = new ProcessBuilder("unzip", "-q", zip.toString(), "-d", out.toString()).inheritIO().start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0);
            assertTrue(Files.getPosixFilePermissions(out.resolve("run_autograder")).contains(PosixFilePermission.OWNER_EXECUTE));
            assertTrue(Files.getPosixFilePermissions(out.resolve("course/mvnw")).contains(PosixFilePermission.OWNER_EXECUTE));
            assertFalse(Files.getPosixFilePermissions(out.resolve("course/pom.xml")).contains(PosixFilePermission.OWNER_EXECUTE));
        }
        for (String script : new String[] {"setup.sh", "run_autograder"}) {
            Path f = tmp.resolve(script);
            Files.write(f, files.get(script));
            Process p = new ProcessBuilder("bash", "-n", f.toString()).inheritIO().start();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, script + " must be valid bash");
        }
    }
}
