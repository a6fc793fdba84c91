package wirelab.grading.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The course's Maven wrapper, for what the tool asks of Maven: compile labs and write their test
 * class paths ({@code process-test-classes}), or only write the class paths. Output goes to the
 * user's terminal.
 */
public final class Maven {

    private Maven() {
    }

    /**
     * Runs {@code ./mvnw -q -B process-test-classes -pl MODULES} (with {@code -am} when asked)
     * and returns its exit code.
     */
    public static synchronized int processTestClasses(Course course, List<String> modules, boolean alsoMake) {
        List<String> goals = new ArrayList<>(List.of("-DskipTests", "process-test-classes"));
        if (alsoMake) {
            goals.add("-am");
        }
        return run(course, "compiling", modules, goals);
    }

    /**
     * Writes the modules' {@code target/test.classpath} and nothing else (the parent pom's
     * {@code test-classpath} execution on its own, no compiling): what grading needs from Maven,
     * as the harness compiles the labs itself. Returns Maven's exit code. Maven's output is kept
     * back: it fails when the course's own modules (the test kit) are neither installed nor built
     * in the same Maven run, and the caller then compiles instead ({@link #processTestClasses}).
     */
    public static synchronized int writeTestClasspaths(Course course, List<String> modules) {
        return run(course, "resolving the test class path of", modules, List.of("dependency:build-classpath@test-classpath"),
                ProcessBuilder.Redirect.DISCARD);
    }

    private static int run(Course course, String doing, List<String> modules, List<String> goals) {
        return run(course, doing, modules, goals, ProcessBuilder.Redirect.INHERIT);
    }

    private static int run(Course course, String doing, List<String> modules, List<String> goals,
            ProcessBuilder.Redirect output) {
        Path mvnw = course.root().resolve("mvnw");
        List<String> command = new ArrayList<>();
        command.add(Files.isExecutable(mvnw) ? mvnw.toString() : "mvn");
        command.addAll(List.of("-q", "-B", "-f", course.root().resolve("pom.xml").toString()));
        command.addAll(goals);
        command.add("-pl");
        command.add(String.join(",", modules));
        System.err.println("wirelab: " + doing + " " + String.join(",", modules) + " with Maven: "
                + String.join(" ", command.subList(1, command.size())));
        try {
            return new ProcessBuilder(command).directory(course.root().toFile()).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(output).redirectError(output).start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("could not run ./mvnw: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
