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
 * <p>The race tests of {@code verify} (practice, see {@link RaceTests}) count for the exit code
 * the same way: a forbidden outcome this run makes it 1, after the run.
 *
 * <p>Run by Maven: {@code java wirelab.testkit.MavenSummary target/wirelab BUILD_START [TEST_FILTER]},
 * BUILD_START as {@code ${maven.build.timestamp}} (UTC, to the second); after the race tests,
 * {@code java wirelab.testkit.MavenSummary --races target/wirelab/race-status BUILD_START}.
 */
public final class MavenSummary {

    private static final String FAILED = "wirelab.summary.failed";
    private static final String LINES = "wirelab.summary.lines";
    private static final String FILTER = "wirelab.summary.filter";
    private static final String HOOKED = "wirelab.summary.hooked";

    private MavenSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("--races")) {
            races(Path.of(args[1]), args.length > 2 && args[2] != null ? instant(args[2]) : null);
            return;
        }
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

    /** The race tests of this run saw a forbidden outcome: the run ends with exit code 1. */
    private static synchronized void races(Path status, Instant buildStart) throws IOException {
        if (Files.isRegularFile(status) && writtenSince(status, buildStart)
                && Files.readString(status, StandardCharsets.UTF_8).strip().equals("failed")) {
            System.setProperty(FAILED, "true");
            hook();
        }
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
            hook();
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
        hook();
    }

    /** Once per Maven run. */
    private static void hook() {
        if (System.getProperty(HOOKED) != null) {
            return;
        }
        System.setProperty(HOOKED, "true");
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
        if (lines.isEmpty() && System.getProperty(FILTER) != null) {
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
