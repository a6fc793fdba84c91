package wirelab.grading.grade;

import java.time.Duration;

/**
 * The TA's knobs for one grading run.
 *
 * @param perTest    JUnit's time limit per test (a hang becomes "timeout" with a thread dump)
 * @param wall       hard limit for one test JVM; the tests it never reached run in a fresh one
 * @param heapMb     -Xmx of the test JVM
 * @param raceRule   run the lab's jcstress tests and score them; null: as the lab's rule says (race.graded in
 *                   lab.properties), which every grading channel follows; set only by {@code mutate --race}
 * @param raceBudget wall-clock budget for one submission's jcstress invocation
 * @param shards     test JVMs per submission running at once, each a share of the test methods (0: by the lab's test time)
 * @param stuckAfter a test whose threads make no progress for this long ends then as stuck, with the
 *                   verdict its time limit would give (zero: every test waits out its limit)
 * @param reuse      a test class whose inputs are byte for byte those of one graded earlier in the run
 *                   gets that grading's results instead of running again ({@link ReusedResults})
 */
public record GradeOptions(Duration perTest, Duration wall, int heapMb, long outputLimit, Boolean raceRule,
        Duration raceBudget, int shards, Duration stuckAfter, boolean reuse) {

    /** How long a test's threads may make no progress by default: ten of the watch's looks. */
    public static final Duration STUCK_AFTER = Duration.ofSeconds(2);

    public static GradeOptions defaults() {
        return new GradeOptions(null, null, 256, 1L << 20, null, Duration.ofSeconds(120), 0, STUCK_AFTER, false);
    }

    /** The lab's own per-test limit (lab.properties test.timeout, seconds) unless the TA set one, and its race rule. */
    public GradeOptions forLab(wirelab.grading.course.Lab lab) {
        Duration t = perTest != null ? perTest
                : Duration.ofSeconds(Long.parseLong(lab.properties().getProperty("test.timeout", "30").strip()));
        return new GradeOptions(t, wall, heapMb, outputLimit, raceRule != null ? raceRule : lab.raceTestsGraded(), raceBudget, shards,
                stuckAfter, reuse);
    }

    /** Whether the race tests run and count (after {@link #forLab}; before it, only when set explicitly). */
    public boolean race() {
        return Boolean.TRUE.equals(raceRule);
    }

    /** One test JVM's hard limit: generous next to what the reference needs, capped so a stuck JVM cannot stall the batch. */
    public Duration wallFor(double referenceSeconds) {
        if (wall != null) {
            return wall;
        }
        long s = (long) (60 + 3 * referenceSeconds + 2 * perTest.toSeconds());
        return Duration.ofSeconds(Math.min(600, s));
    }

    public GradeOptions withRace(boolean on) {
        return new GradeOptions(perTest, wall, heapMb, outputLimit, on, raceBudget, shards, stuckAfter, reuse);
    }

    public GradeOptions withPerTest(Duration d) {
        return new GradeOptions(d, wall, heapMb, outputLimit, raceRule, raceBudget, shards, stuckAfter, reuse);
    }

    public GradeOptions withShards(int n) {
        return new GradeOptions(perTest, wall, heapMb, outputLimit, raceRule, raceBudget, Math.max(0, n), stuckAfter, reuse);
    }

    /** @param d null keeps the default; zero turns the stuck check off */
    public GradeOptions withStuckAfter(Duration d) {
        return d == null ? this : new GradeOptions(perTest, wall, heapMb, outputLimit, raceRule, raceBudget, shards, d, reuse);
    }

    public GradeOptions withReuse(boolean on) {
        return new GradeOptions(perTest, wall, heapMb, outputLimit, raceRule, raceBudget, shards, stuckAfter, on);
    }
}
