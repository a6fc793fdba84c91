package wirelab.grading.result;

/**
 * One test's verdict for one student, as reports show it.
 *
 * @param status passed, failed, timeout, crashed, not-compiled, not-graded (this machine lacks a peer program the
 *               test needs: score 0, and {@code max} is left out of the submission's maximum), or skipped for
 *               ungraded helpers
 * @param kind   junit or race
 */
public record TestVerdict(
        String id,
        String name,
        String group,
        String kind,
        double score,
        double max,
        String status,
        String message,
        String output,
        String threads,
        double seconds) {

    public static final String NOT_GRADED = "not-graded";

    public boolean passed() {
        return "passed".equals(status);
    }

    /** Not graded on this machine (a peer program missing): neither passed nor failed, out of the maximum. */
    public boolean notGraded() {
        return NOT_GRADED.equals(status);
    }
}
