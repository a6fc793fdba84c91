package wirelab.grading.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.course.Course;
import wirelab.grading.files.Folders;

/**
 * Publishes week 2 into a temporary folder and builds it with its own ./mvnw against the local
 * Maven repository this build uses, online as a student's would be (this module's tests run before
 * the labs', so the labs' build plugins may not be there yet): the starter's public tests fail, and
 * pass once the solution's files are copied in. One lab (sockets) is built, and the starter run
 * stops at one test class, to keep this near a minute (two nested Maven builds). Runs on CI
 * (CI=true) or with -Dwirelab.slow=true.
 */
class StudentRepoBuildTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("week 2's student repository builds with its own wrapper: starter fails, solution passes")
    void studentRepositoryBuilds() throws Exception {
        // a nested build / a real grading run: always on CI (CI=true), on a laptop with -Dwirelab.slow=true
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CI") != null || Boolean.getBoolean("wirelab.slow"),
                "slow end-to-end test: runs on CI, or with -Dwirelab.slow=true");
        Course course = Course.locate();
        Path repo = tmp.resolve("student");
        new StudentRepo(course, 2).write(repo);

        // one public test class is enough to see the starter fail; ./wirelab check runs them all
        Result starter = mvnw(repo, "-B", "test", "-pl", "sockets",
                "-Dtest=wirelab.sockets.addressing.Part5AddressingTest");
        assertNotEquals(0, starter.exit, "the starter's public tests must fail:\n" + starter.tail());
        // the last screen is the student's summary: the exercise, its first failure, the points line
        String last = starter.tail(25);
        assertTrue(last.contains("sockets: public tests by exercise") && last.contains("✗ ")
                && last.matches("(?s).*sockets: 0 / \\d+ public points\\s*"), "the summary must end the output:\n" + starter.out);
        assertFalse(starter.out.contains("[ERROR]") || starter.out.contains("WARNING") || starter.out.contains("VM warning"),
                "no Maven failure list or JVM warnings on a student's screen:\n" + starter.out);
        assertTrue(Files.readString(repo.resolve("sockets/target/wirelab/feedback.txt")).contains("Part5AddressingTest"));

        Folders.copy(course.requireLab("sockets").mainSources(), repo.resolve("sockets/src/main/java"));
        Result solved = mvnw(repo, "-B", "test", "-pl", "sockets");
        assertEquals(0, solved.exit, "with the solution copied in, the public tests must pass:\n" + solved.tail());
        assertTrue(solved.tail(3).matches("(?s).*sockets: (\\d+) / \\1 public points\\s*"),
                "the points line must end the output with full public points:\n" + solved.tail());
    }

    record Result(int exit, String out) {
        String tail() {
            return tail(40);
        }

        String tail(int n) {
            List<String> lines = out.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        }
    }

    static Result mvnw(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(dir.resolve("mvnw").toString()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(dir.getParent(), "mvn", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("MAVEN_ARGS");
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("the student build did not finish in 5 minutes:\n" + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

}
