package wirelab.grading.cli;

import java.time.Duration;
import picocli.CommandLine.Option;
import wirelab.grading.grade.GradeOptions;

/** {@code --stuck-after SECONDS}, shared by the commands that grade: when a hung test is ended. */
final class StuckOption {

    @Option(names = "--stuck-after", paramLabel = "SECONDS", description = {
        "End a test as stuck once its threads have made no progress for this long (every thread waits for",
        "another, or spins at one place, or only polls a condition none is left to make true), with the",
        "verdict its end would give: timeout, or failed for a wait of the test's own that would run out",
        "(default: ${DEFAULT-VALUE}; 0: every hung test waits out its time limit)."})
    private double seconds = GradeOptions.STUCK_AFTER.toMillis() / 1000.0;

    GradeOptions applyTo(GradeOptions options) {
        return options.withStuckAfter(Duration.ofMillis(Math.max(0, Math.round(seconds * 1000))));
    }
}
