package wirelab.grading.late;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import wirelab.grading.course.LatePolicy;
import wirelab.grading.result.CsvTable;

/**
 * The gradebook with the late policy applied: every student of the harness's gradebook.csv with
 * raw_score, adjusted_score, max_score, then week_score out of week_points (the adjusted score
 * scaled to what the lab is worth in the course, so a 122-point lab in a 100-point week counts
 * 100), submitted_at, late_days and a note. Students without a known submission time keep their
 * raw score and say so.
 */
public final class LateGradebook {

    public static final List<String> HEADER = List.of("student", "raw_score", "adjusted_score", "max_score",
            "week_score", "week_points", "submitted_at", "late_days", "note");

    public record Row(String student, double raw, double max, double adjusted, double weekScore, double weekPoints,
            String submittedAt, long days, String note) {
    }

    private LateGradebook() {
    }

    /** {@code weekPoints}: what this lab counts in the course gradebook. */
    public static List<Row> apply(Path gradebookCsv, Map<String, Instant> times, ZonedDateTime due, LatePolicy policy,
            double weekPoints) {
        List<Row> rows = new ArrayList<>();
        for (CsvTable.Row line : CsvTable.read(gradebookCsv, "student", "score", "max_score")) {
            String name = line.get("student");
            double raw = number(line, "score", gradebookCsv);
            double max = number(line, "max_score", gradebookCsv);
            Instant at = times.get(name);
            LatePolicy.Adjusted a = at == null ? null : policy.apply(raw, at, due);
            double adjusted = a == null ? raw : a.adjusted();
            double week = max == 0 ? 0 : Math.round(adjusted / max * weekPoints * 100) / 100.0;
            rows.add(a == null
                    ? new Row(name, raw, max, raw, week, weekPoints, "", 0, "no submission time: raw score kept")
                    : new Row(name, raw, max, adjusted, week, weekPoints, at.toString(), a.days(), a.note()));
        }
        return rows;
    }

    public static void write(List<Row> rows, Path file) {
        CsvTable.write(file, HEADER, rows.stream().map(r -> List.of(r.student(), num(r.raw()), num(r.adjusted()),
                num(r.max()), num(r.weekScore()), num(r.weekPoints()), r.submittedAt(), Long.toString(r.days()),
                r.note())).toList());
    }

    static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    private static double number(CsvTable.Row row, String column, Path file) {
        try {
            return Double.parseDouble(row.get(column));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + row.line() + ": " + column + " is not a number: '"
                    + row.get(column) + "'");
        }
    }
}
