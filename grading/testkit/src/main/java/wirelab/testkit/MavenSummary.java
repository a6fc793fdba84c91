package wirelab.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The student build's last screen. Runs inside Maven's own process (exec:java, after Surefire in
 * the {@code test} phase, see the {@code student-loop} profile of the root pom) and prints the
 * summary that {@link PointsListener} wrote in the test JVM, so it reaches the console, never a
 * test's captured output.
 *
 * <p>Surefire is told not to fail the build on a failed test (its failure list would bury the
 * summary), so this decides the exit code: when a test failed, Maven's process ends with exit
 * code 1 once every lab of the run has been built and summed up — not at the first lab, and
 * without a page of Maven's error text after the score.
 *
 * <p>Run by Maven: {@code java wirelab.testkit.MavenSummary target/wirelab}.
 */
public final class MavenSummary {

    private static final String FAILED = "wirelab.summary.failed";
    private static final String LINES = "wirelab.summary.lines";

    private MavenSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/wirelab");
        Path summary = dir.resolve("summary.txt");
        if (!Files.isRegularFile(summary)) {
            return;   // a module without graded tests (the test kit itself)
        }
        String screen = Files.readString(summary, StandardCharsets.UTF_8);
        PointsListener.print(System.out, screen);
        boolean failed = Files.readString(dir.resolve("status"), StandardCharsets.UTF_8).strip().equals("failed");
        remember(screen.strip().lines().reduce((a, b) -> b).orElse(""), failed);
    }

    /**
     * The labs of one Maven run share this process (each exec:java run has its own class loader,
     * so the shared state is in system properties). The first lab registers one shutdown hook:
     * after Maven has finished, it repeats the points lines when several labs ran, and ends the
     * process with exit code 1 when any test failed.
     */
    private static synchronized void remember(String pointsLine, boolean failed) {
        String lines = System.getProperty(LINES);
        System.setProperty(LINES, lines == null ? pointsLine : lines + "\n" + pointsLine);
        if (failed) {
            System.setProperty(FAILED, "true");
        }
        if (lines == null) {
            // in the top thread group: exec:java destroys the group main ran in, and a hook
            // thread of a destroyed group never starts
            ThreadGroup top = Thread.currentThread().getThreadGroup();
            while (top.getParent() != null) {
                top = top.getParent();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(top, MavenSummary::atExit, "wirelab-summary"));
        }
    }

    private static void atExit() {
        String lines = System.getProperty(LINES, "");
        if (lines.contains("\n")) {
            System.out.println("\nAll labs of this run:\n" + lines.indent(2));
        }
        System.out.flush();
        if (Boolean.getBoolean(FAILED)) {
            // a failed test fails the build, so an IDE, a script or CI sees exit code 1
            Runtime.getRuntime().halt(1);
        }
    }
}
