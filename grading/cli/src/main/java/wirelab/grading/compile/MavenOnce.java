package wirelab.grading.compile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import wirelab.grading.course.Course;

/**
 * The one time the grader asks Maven for something: on a fresh clone, a lab's test class path
 * (which jars its tests need) is written by {@code ./mvnw process-test-classes}.
 */
final class MavenOnce {

    private MavenOnce() {
    }

    static synchronized void processTestClasses(Course course, String module) {
        List<String> cmd = new ArrayList<>(List.of(course.root().resolve("mvnw").toString(), "-q", "-B",
                "-DskipTests", "-f", course.root().resolve("pom.xml").toString(), "-pl", module, "process-test-classes"));
        System.err.println("wirelab: preparing " + module + " with Maven (once): " + String.join(" ", cmd.subList(1, cmd.size())));
        try {
            Process p = new ProcessBuilder(cmd).directory(course.root().toFile()).inheritIO().start();
            p.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("could not run ./mvnw: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
