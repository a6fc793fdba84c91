package wirelab.grading.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import wirelab.grading.late.Deadline;
import wirelab.grading.course.LatePolicy;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.roster.Identity;
import wirelab.grading.roster.Roster;
import wirelab.grading.roster.RosterStudent;

/**
 * The score each student gets in the course gradebook: the graded score, plus the staff's
 * adjustments, then the late policy on the submit time. One row per roster student (a group
 * submission counts for each of its members; a student with no submission is a row with no
 * result), then one per graded submission the roster does not know.
 */
public final class FinalScores {

    /**
     * @param student the roster key, or the results folder when the roster does not know the submission
     * @param rosterStudent null when not on the roster
     * @param result        null when the student has no submission
     * @param late          null when on time is unknown (no submit time, or no deadline)
     * @param score         the score that counts: adjusted, then late policy applied
     */
    public record Row(String student, RosterStudent rosterStudent, SubmissionResult result, Identity identity,
            LatePolicy.Adjusted late, double score, String note) {

        public boolean missing() {
            return result == null;
        }

        public boolean onRoster() {
            return rosterStudent != null;
        }
    }

    private FinalScores() {
    }

    /**
     * @param times submit times that win over the exports' (a {@code --times} file), by results folder or roster key
     */
    public static List<Row> of(List<SubmissionResult> results, Map<String, Identity> ids, Optional<Roster> roster,
            Deadline deadline, Map<String, Instant> times) {
        List<Row> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        if (roster.isPresent()) {
            for (RosterStudent s : roster.get().students()) {
                Optional<SubmissionResult> r = results.stream().filter(x -> belongsTo(x, ids.get(x.student()), s, roster.get()))
                        .findFirst();
                r.ifPresent(x -> used.add(x.student()));
                out.add(r.isEmpty() ? new Row(s.student(), s, null, null, null, 0, "no submission")
                        : row(s.student(), s, r.get(), ids.get(r.get().student()), deadline, times));
            }
        }
        for (SubmissionResult r : results) {
            if (!used.contains(r.student())) {
                out.add(row(r.student(), null, r, ids.get(r.student()), deadline, times));
            }
        }
        return out;
    }

    private static boolean belongsTo(SubmissionResult r, Identity id, RosterStudent s, Roster roster) {
        if (id != null && !id.roster().isEmpty()) {
            return id.roster().contains(s.student());
        }
        return r.student().equals(s.student());
    }

    private static Row row(String student, RosterStudent s, SubmissionResult r, Identity id, Deadline deadline,
            Map<String, Instant> times) {
        Instant at = times.getOrDefault(r.student(), times.get(student));
        String from = at != null ? "--times" : "";
        if (at == null && id != null) {
            at = id.submitted();
            from = id.timeNote();
        }
        LatePolicy.Adjusted late = deadline == null ? null : deadline.apply(r.score(), at);
        double score = late == null ? r.score() : late.adjusted();
        String note = deadline == null ? "no deadline for this lab: no late policy"
                : late == null ? "no submission time: no late policy applied" : late.note() + (from.isEmpty() ? "" : " (" + from + ")");
        if (s == null) {
            note = "not on the roster; " + note;
        }
        return new Row(student, s, r, id, late, score, note);
    }
}
