package wirelab.grading.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import wirelab.grading.result.CsvTable;
import wirelab.grading.result.Points;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.roster.RosterStudent;

/**
 * The final scores as a file an LMS imports as it is.
 * <ul>
 * <li><b>canvas</b>: Canvas's gradebook import: {@code Student, ID, SIS User ID, SIS Login ID, Section}, then
 *     one column for the assignment ({@code "Lab 4 (12345)"} updates assignment 12345; a name without an
 *     id makes a new assignment), and the "Points Possible" row. Canvas finds each student by ID, then SIS
 *     User ID, then SIS Login ID, then name; a blank score leaves Canvas's cell as it is.</li>
 * <li><b>moodle</b>: for Moodle's CSV grade import: {@code ID number, Email address, Full name} and the grade
 *     column; on import, map "ID number" to the user field idnumber (or "Email address" to email) and the
 *     grade column to the grade item.</li>
 * <li><b>csv</b>: everything, one row per student: ids, graded score, adjustment, late days and note, final score.</li>
 * </ul>
 * Canvas and Moodle get the roster's students only (a submission the roster does not know cannot be
 * matched: it is listed by the command instead).
 */
public final class LmsExport {

    public enum Format { CANVAS, MOODLE, CSV, MATRIX }

    /**
     * @param assignment the assignment column's header
     * @param points     scale scores to this many points; null keeps the lab's own points
     * @param zeroMissing write 0 for a roster student with no submission (else blank)
     */
    public record Options(String assignment, Double points, boolean zeroMissing) {
    }

    private LmsExport() {
    }

    public static void write(Format format, List<FinalScores.Row> rows, double max, Options o, Path file) {
        switch (format) {
            case CANVAS -> canvas(rows, max, o, file);
            case MOODLE -> moodle(rows, max, o, file);
            case CSV -> csv(rows, max, o, file);
            case MATRIX -> TestMatrix.write(rows.stream().filter(r -> !r.missing()).map(FinalScores.Row::result).toList(), file);
        }
    }

    static void canvas(List<FinalScores.Row> rows, double max, Options o, Path file) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("Points Possible", "", "", "", "", num(outOf(max, o))));
        for (FinalScores.Row r : rows) {
            if (!r.onRoster()) {
                continue;
            }
            RosterStudent s = r.rosterStudent();
            out.add(List.of(s.name().isEmpty() ? s.student() : s.name(), s.canvasId(), s.sisId(), s.loginId(), s.section(),
                    score(r, max, o)));
        }
        CsvTable.write(file, List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section", o.assignment()), out);
    }

    static void moodle(List<FinalScores.Row> rows, double max, Options o, Path file) {
        List<List<String>> out = new ArrayList<>();
        for (FinalScores.Row r : rows) {
            if (r.onRoster()) {
                RosterStudent s = r.rosterStudent();
                out.add(List.of(s.sisId(), s.email(), s.name().isEmpty() ? s.student() : s.name(), score(r, max, o)));
            }
        }
        CsvTable.write(file, List.of("ID number", "Email address", "Full name", o.assignment()), out);
    }

    static void csv(List<FinalScores.Row> rows, double max, Options o, Path file) {
        List<List<String>> out = new ArrayList<>();
        for (FinalScores.Row r : rows) {
            RosterStudent s = r.rosterStudent();
            SubmissionResult res = r.result();
            out.add(List.of(r.student(), s == null ? "" : s.sisId(), s == null ? "" : s.name(), s == null ? "" : s.email(),
                    s == null ? "" : s.section(), s == null ? "" : s.github(), res == null ? "" : res.student(),
                    res == null ? "" : Points.of(res.gradedScore()), res == null ? "" : Points.of(res.adjustmentTotal()),
                    r.late() == null ? "" : Long.toString(r.late().days()), score(r, max, o), num(outOf(max, o)),
                    r.identity() == null ? "" : r.identity().submittedAt(), r.note()));
        }
        CsvTable.write(file, List.of("student", "sis_id", "name", "email", "section", "github", "graded_as", "graded_score",
                "adjustment", "late_days", "score", "max_score", "submitted_at", "note"), out);
    }

    private static double outOf(double max, Options o) {
        return o.points() == null ? max : o.points();
    }

    static String score(FinalScores.Row r, double max, Options o) {
        if (r.missing()) {
            return o.zeroMissing() ? "0" : "";
        }
        double v = o.points() == null || max == 0 ? r.score() : r.score() / max * o.points();
        return num(Math.round(v * 100) / 100.0);
    }

    /** 65, 58.5, 64.29: as few digits as the score has, at most two decimals. */
    static String num(double d) {
        return java.math.BigDecimal.valueOf(Math.round(d * 100) / 100.0).stripTrailingZeros().toPlainString();
    }
}
