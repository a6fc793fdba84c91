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
        double seconds) {

    public static final String SCHEMA = "wirelab-result/1";

    public long passedCount() {
        return tests.stream().filter(TestVerdict::passed).count();
    }

    /** The same result with a new time (the resumed copy keeps everything else). */
    public SubmissionResult withSeconds(double s) {
        return new SubmissionResult(schema, student, lab, status, refusal, score, max, tests, compile, leftOut,
                editedTests, notes, isolation, inputHash, jvms, s);
    }
}
