package wirelab.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

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
 * <p>A summary left by an earlier run is not this run's: with {@code -Dtest=CallbacksTest} the
 * other labs run no test, and their old summaries must not be shown as if they had. When no lab
 * of the run ran a test that {@code -Dtest} named, the run says so and fails.
 *
 * <p>Run by Maven: {@code java wirelab.testkit.MavenSummary target/wirelab BUILD_START [TEST_FILTER]},
 * BUILD_START as {@code ${maven.build.timestamp}} (UTC, to the second).
 */
public final class MavenSummary {

    private static final String FAILED = "wirelab.summary.failed";
    private static final String LINES = "wirelab.summary.lines";
    private static final String FILTER = "wirelab.summary.filter";

    private MavenSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/wirelab");
        // Maven passes an unset property as null
        Instant buildStart = args.length > 1 && args[1] != null ? instant(args[1]) : null;
        String filter = args.length > 2 && args[2] != null ? args[2].strip() : "";
        Path summary = dir.resolve("summary.txt");
        if (!filter.isEmpty() && !filter.startsWith("${")) {
            watch(filter);
        }
        if (!Files.isRegularFile(summary) || !writtenSince(summary, buildStart)) {
            return;   // a module without graded tests (the test kit itself), or none of its tests ran this time
        }
        String screen = Files.readString(summary, StandardCharsets.UTF_8);
        PointsListener.print(System.out, screen);
        boolean failed = Files.readString(dir.resolve("status"), StandardCharsets.UTF_8).strip().equals("failed");
        remember(screen.strip().lines().reduce((a, b) -> b).orElse(""), failed);
    }

    /** Whether the file was written by this build (timestamps are to the second, so one second of slack). */
    static boolean writtenSince(Path file, Instant buildStart) throws IOException {
        return buildStart == null
                || !Files.getLastModifiedTime(file).toInstant().isBefore(buildStart.minusSeconds(1));
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;   // not a timestamp: every summary counts, as before the build passed one
        }
    }

    /** A run with -Dtest: remember the pattern, so the end of the run can say when nothing matched. */
    private static synchronized void watch(String filter) {
        if (System.getProperty(FILTER) == null) {
            System.setProperty(FILTER, filter);
            if (System.getProperty(LINES) == null) {
                hook();
            }
        }
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
        if (lines == null && System.getProperty(FILTER) == null) {
            hook();
        }
    }

    private static void hook() {
        // in the top thread group: exec:java destroys the group main ran in, and a hook
        // thread of a destroyed group never starts
        ThreadGroup top = Thread.currentThread().getThreadGroup();
        while (top.getParent() != null) {
            top = top.getParent();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(top, MavenSummary::atExit, "wirelab-summary"));
    }

    private static void atExit() {
        String lines = System.getProperty(LINES, "");
        if (lines.contains("\n")) {
            System.out.println("\nAll labs of this run:\n" + lines.indent(2));
        }
        if (lines.isEmpty()) {
            System.out.println("\nNo test of this run matched -Dtest=" + System.getProperty(FILTER, "")
                    + ". Name a test class (-Dtest=CountersTest), a pattern (-Dtest='Part1*')"
                    + " or one test (-Dtest='CountersTest#test02*'), as the lab's README shows.");
            System.out.flush();
            Runtime.getRuntime().halt(1);
        }
        System.out.flush();
        if (Boolean.getBoolean(FAILED)) {
            // a failed test fails the build, so an IDE, a script or CI sees exit code 1
            Runtime.getRuntime().halt(1);
        }
    }
}
