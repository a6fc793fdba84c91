package wirelab.grading.late;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gradebook with the late policy applied: every row of the harness's gradebook.csv, plus
 * raw_score, adjusted_score, submitted_at, late_days and a note. Students without a known
 * submission time keep their raw score and say so.
 */
public final class LateGradebook {

    public record Row(String student, double raw, double max, double adjusted, String submittedAt, long days, String note) {
    }

    private LateGradebook() {
    }

    public static List<Row> apply(Path gradebookCsv, Map<String, Instant> times, ZonedDateTime due, LatePolicy policy) {
        List<String> lines;
        try {
            lines = Files.readAllLines(gradebookCsv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + gradebookCsv, e);
        }
        List<String> header = List.of(lines.get(0).split(","));
        int student = header.indexOf("student");
        int score = header.indexOf("score");
        int max = header.indexOf("max_score");
        if (student < 0 || score < 0 || max < 0) {
            throw new IllegalArgumentException(gradebookCsv + ": expected the columns student, score, max_score; got " + header);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = cells(line);
            String name = cells.get(student);
            double raw = Double.parseDouble(cells.get(score));
            double m = Double.parseDouble(cells.get(max));
            Instant at = times.get(name);
            if (at == null) {
                rows.add(new Row(name, raw, m, raw, "", 0, "no submission time: raw score kept"));
            } else {
                LatePolicy.Adjusted a = policy.apply(raw, at, due);
                rows.add(new Row(name, raw, m, a.adjusted(), at.toString(), a.days(), a.note()));
            }
        }
        return rows;
    }

    public static void write(List<Row> rows, Path file) {
        StringBuilder sb = new StringBuilder("student,raw_score,adjusted_score,max_score,submitted_at,late_days,note\r\n");
        for (Row r : rows) {
            sb.append(String.join(",", csv(r.student()), num(r.raw()), num(r.adjusted()), num(r.max()), r.submittedAt(),
                    Long.toString(r.days()), csv(r.note()))).append("\r\n");
        }
        try {
            Files.writeString(file, sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    static String csv(String s) {
        String v = s.matches("^[=+\\-@].*") ? "'" + s : s;
        return v.matches("(?s).*[\",\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** RFC 4180 cells of one line. */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
