package wirelab.grading.result;

import java.util.List;

/**
 * Everything the grader concluded about one submission; written as result.json (this schema) and
 * turned into the Gradescope and JUnit XML views.
 *
 * @param status      graded, or refused (intake could not use it: zip slip, nothing found...)
 * @param inputHash   hash of the submission's files and the lab's tests: an unchanged re-run is skipped
 * @param compile     compiler messages, "File.java:12: error: ..."
 * @param leftOut     the student's files that did not compile and were left out
 * @param notes       what intake found and ignored, edited tests, run problems
 * @param adjustments changes made by course staff after grading, already counted in {@code score}
 *                    (empty when none)
 */
public record SubmissionResult(
        String schema,
        String student,
        String lab,
        String status,
        String refusal,
        double score,
        double max,
        List<TestVerdict> tests,
        List<String> compile,
        List<String> leftOut,
        List<String> editedTests,
        List<String> notes,
        String isolation,
        String inputHash,
        int jvms,
        double seconds,
        List<Adjustment> adjustments) {

    public static final String SCHEMA = "wirelab-result/1";

    public SubmissionResult {
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
    }

    /** A result as the grader concludes it: no adjustment yet. */
    public SubmissionResult(String schema, String student, String lab, String status, String refusal, double score,
            double max, List<TestVerdict> tests, List<String> compile, List<String> leftOut, List<String> editedTests,
            List<String> notes, String isolation, String inputHash, int jvms, double seconds) {
        this(schema, student, lab, status, refusal, score, max, tests, compile, leftOut, editedTests, notes, isolation,
                inputHash, jvms, seconds, List.of());
    }

    /** The score the tests gave, before any adjustment. */
    public double gradedScore() {
        return Math.round((score - adjustmentTotal()) * 1e6) / 1e6;
    }

    public double adjustmentTotal() {
        return adjustments.stream().mapToDouble(Adjustment::applied).sum();
    }

    /** The same result with other adjustments: the score is the graded score plus what they apply. */
    public SubmissionResult withAdjustments(List<Adjustment> applied) {
        double total = applied.stream().mapToDouble(Adjustment::applied).sum();
        return new SubmissionResult(schema, student, lab, status, refusal, Math.round((gradedScore() + total) * 1e6) / 1e6,
                max, tests, compile, leftOut, editedTests, notes, isolation, inputHash, jvms, seconds, applied);
    }

    public long passedCount() {
        return tests.stream().filter(TestVerdict::passed).count();
    }

    /** The same result with a new time (the resumed copy keeps everything else). */
    public SubmissionResult withSeconds(double s) {
        return new SubmissionResult(schema, student, lab, status, refusal, score, max, tests, compile, leftOut,
                editedTests, notes, isolation, inputHash, jvms, s, adjustments);
    }
}
