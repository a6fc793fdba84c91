package wirelab.grading.result;

/**
 * One test's verdict for one student, as reports show it.
 *
 * @param status passed, failed, timeout, crashed, not-compiled (or skipped, for ungraded helpers)
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

    public boolean passed() {
        return "passed".equals(status);
    }
}
