package wirelab.grading.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The course's Maven wrapper, for the one thing the tool asks of Maven: compile labs and write
 * their test class paths ({@code process-test-classes}). Output goes to the user's terminal.
 */
public final class Maven {

    private Maven() {
    }

    /**
     * Runs {@code ./mvnw -q -B process-test-classes -pl MODULES} (with {@code -am} when asked)
     * and returns its exit code.
     */
    public static synchronized int processTestClasses(Course course, List<String> modules, boolean alsoMake) {
        Path mvnw = course.root().resolve("mvnw");
        List<String> command = new ArrayList<>();
        command.add(Files.isExecutable(mvnw) ? mvnw.toString() : "mvn");
        command.addAll(List.of("-q", "-B", "-DskipTests", "-f", course.root().resolve("pom.xml").toString(),
                "process-test-classes"));
        if (alsoMake) {
            command.add("-am");
        }
        command.add("-pl");
        command.add(String.join(",", modules));
        System.err.println("wirelab: compiling " + String.join(",", modules) + " with Maven: "
                + String.join(" ", command.subList(1, command.size())));
        try {
            return new ProcessBuilder(command).directory(course.root().toFile()).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("could not run ./mvnw: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
