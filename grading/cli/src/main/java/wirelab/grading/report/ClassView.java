package wirelab.grading.report;

import java.util.List;

/**
 * What the report says about the class beyond the scores: roster coverage (students with no
 * submission, late submissions, submissions the roster does not know), the deadline, and the
 * staff adjustments that could not be applied.
 *
 * @param rosterSize students on the roster, or -1 when there is no roster
 * @param due        the deadline in words, blank when the lab has none
 */
public record ClassView(int rosterSize, List<Person> missing, List<Late> late, List<Person> unmatched,
        List<String> problems, String due) {

    public static final ClassView NONE = new ClassView(-1, List.of(), List.of(), List.of(), List.of(), "");

    /** A student named in a coverage list, with a few words about them. */
    public record Person(String student, String detail) {
    }

    /** A late submission: when, how many started days, and what the policy makes of it. */
    public record Late(String student, String submittedAt, long days, String note) {
    }

    public boolean hasRoster() {
        return rosterSize >= 0;
    }
}
