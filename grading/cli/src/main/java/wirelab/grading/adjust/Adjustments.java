package wirelab.grading.adjust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import wirelab.grading.report.Feedback;
import wirelab.grading.result.Adjustment;
import wirelab.grading.result.CsvTable;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/**
 * The course staff's changes to scores, kept in {@code adjustments.csv} in the grading output
 * folder (columns student, test, points, comment, who) and applied after grading, every time:
 * a re-grade, {@code --force} or a new adjustment never loses one. A row names a test by its id
 * ({@code wirelab.rmi.StoreTest#test02_concurrentPuts}), its short id ({@code StoreTest.test02}),
 * its method or its display name; a blank test is the whole submission. A row that cannot be
 * applied (no such student or test, points not a number) is reported with its line, never
 * silently dropped.
 */
public final class Adjustments {

    public static final String FILE = "adjustments.csv";
    public static final List<String> HEADER = List.of("student", "test", "points", "comment", "who");

    /** One line of the file. */
    public record Row(int line, String student, String test, double points, String comment, String who) {
    }

    /** The rows that could be read, and what was wrong with the others (each "file:line: why"). */
    public record Sheet(List<Row> rows, List<String> problems) {
        public static final Sheet EMPTY = new Sheet(List.of(), List.of());

        public List<Row> of(String student) {
            return rows.stream().filter(r -> r.student().equals(student)).toList();
        }
    }

    /** A result with the rows applied, and the rows it could not apply. */
    public record Applied(SubmissionResult result, List<String> problems) {
    }

    private Adjustments() {
    }

    /** The sheet in {@code outDir}, or an empty one when there is no file. */
    public static Sheet read(Path outDir) {
        Path file = outDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Sheet.EMPTY;
        }
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (CsvTable.Row r : CsvTable.read(file, "student", "test", "points")) {
            String where = file.getFileName() + ":" + r.line();
            String student = r.get("student").strip();
            String points = r.get("points").strip();
            if (student.isEmpty()) {
                problems.add(where + ": no student; row ignored");
                continue;
            }
            double value;
            try {
                value = Double.parseDouble(points.startsWith("+") ? points.substring(1) : points);
            } catch (NumberFormatException e) {
                problems.add(where + ": points must be a number like -2 or +1.5, not '" + points + "'; row ignored");
                continue;
            }
            if (!Double.isFinite(value)) {
                problems.add(where + ": points must be a number like -2 or +1.5, not '" + points + "'; row ignored");
                continue;
            }
            rows.add(new Row(r.line(), student, r.get("test").strip(), value, r.get("comment").strip(),
                    r.get("who").strip()));
        }
        return new Sheet(List.copyOf(rows), List.copyOf(problems));
    }

    /** Adds one row to the sheet in {@code outDir} (creating it with its header), keeping the rows already there. */
    public static void append(Path outDir, String student, String test, double points, String comment, String who) {
        Path file = outDir.resolve(FILE);
        List<List<String>> rows = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (CsvTable.Row r : CsvTable.read(file, "student", "test", "points")) {
                rows.add(HEADER.stream().map(r::get).toList());
            }
        }
        rows.add(List.of(student, test == null ? "" : test, (points > 0 ? "+" : "") + java.math.BigDecimal.valueOf(points).stripTrailingZeros().toPlainString(),
                comment == null ? "" : comment, who == null ? "" : who));
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CsvTable.write(file, HEADER, rows);
    }

    /**
     * {@code result} with exactly {@code rows} applied, in file order, to its graded score (what
     * it carried before is replaced): a test's adjustment keeps that test within 0 and its points,
     * a whole-submission adjustment keeps the total within 0 and the maximum.
     */
    public static Applied apply(SubmissionResult result, List<Row> rows) {
        List<String> problems = new ArrayList<>();
        Map<String, Double> testScore = new HashMap<>();
        result.tests().forEach(t -> testScore.put(t.id(), t.score()));
        List<Adjustment> applied = new ArrayList<>();
        double total = result.gradedScore();
        for (Row row : rows) {
            String where = FILE + ":" + row.line();
            if (row.test().isEmpty()) {
                double now = clamp(total + row.points(), 0, result.max());
                applied.add(new Adjustment("", "", row.points(), round(now - total), row.comment(), row.who()));
                total = now;
                continue;
            }
            List<TestVerdict> matches = find(result.tests(), row.test());
            if (matches.size() != 1) {
                problems.add(where + ": " + (matches.isEmpty() ? "no test '" + row.test() + "' in lab " + result.lab()
                        : "'" + row.test() + "' names " + matches.size() + " tests ("
                                + matches.stream().map(Feedback::shortId).toList() + "); use the short id")
                        + "; row ignored");
                continue;
            }
            TestVerdict t = matches.get(0);
            double before = testScore.get(t.id());
            double now = clamp(before + row.points(), 0, t.notGraded() ? 0 : t.max());
            testScore.put(t.id(), now);
            double change = round(Math.max(0, Math.min(result.max(), total + now - before)) - total);
            applied.add(new Adjustment(t.id(), Feedback.shortId(t) + " " + t.name(), row.points(), change,
                    row.comment(), row.who()));
            total += change;
        }
        return new Applied(result.withAdjustments(applied), problems);
    }

    /** The tests a row's name can mean: the id, the short id, the method, or the display name. */
    static List<TestVerdict> find(List<TestVerdict> tests, String name) {
        String n = name.strip();
        for (java.util.function.Function<TestVerdict, String> key : List.<java.util.function.Function<TestVerdict, String>>of(
                TestVerdict::id, Feedback::shortId, Adjustments::method, TestVerdict::name)) {
            List<TestVerdict> hits = tests.stream().filter(t -> n.equalsIgnoreCase(key.apply(t) == null ? "" : key.apply(t)))
                    .toList();
            if (!hits.isEmpty()) {
                return hits;
            }
        }
        return List.of();
    }

    private static String method(TestVerdict t) {
        String id = t.id() == null ? "" : t.id();
        return id.contains("#") ? id.substring(id.indexOf('#') + 1) : "";
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
