package wirelab.grading.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import wirelab.grading.result.CsvTable;
import wirelab.grading.result.Points;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/**
 * gradebook.csv: one row per student, ready for an LMS import. {@code score} counts the staff's
 * adjustments ({@code graded_score} is what the tests gave, {@code adjustment} the difference, and
 * the comment says why); who the student is comes from the roster or the export.
 */
public final class Gradebook {

    public static final List<String> HEADER = List.of("student", "score", "max_score", "percent", "status", "tests_passed",
            "tests_total", "comment", "graded_score", "adjustment", "sis_id", "name", "email", "section", "submitted_at");

    /** Who a student is, for the identity columns (blank when not known). */
    public record Who(String sisId, String name, String email, String section, String submittedAt) {
        public static final Who UNKNOWN = new Who("", "", "", "", "");
    }

    private Gradebook() {
    }

    public static void write(List<SubmissionResult> results, Path file) {
        write(results, Map.of(), file);
    }

    public static void write(List<SubmissionResult> results, Map<String, Who> who, Path file) {
        List<List<String>> rows = results.stream().map(r -> {
            double pct = r.max() == 0 ? 0 : 100 * r.score() / r.max();
            String comment = r.refusal() != null ? r.refusal()
                    : !r.compile().isEmpty() ? r.compile().size() + " compile error(s)" : "";
            List<TestVerdict> left = r.tests().stream().filter(TestVerdict::notGraded).toList();
            if (!left.isEmpty()) {
                comment = (comment.isEmpty() ? "" : comment + "; ") + "not graded on this machine: " + left.size()
                        + " test(s), " + Points.of(left.stream().mapToDouble(TestVerdict::max).sum())
                        + " point(s) left out of max_score" + r.notes().stream().filter(n -> n.contains("install with: "))
                                .map(n -> " (" + n.substring(n.indexOf("install with: ") + 14) + ")").findFirst().orElse("");
            }
            if (!r.adjustments().isEmpty()) {
                comment = (comment.isEmpty() ? "" : comment + "; ") + "adjusted: " + r.adjustments().stream()
                        .map(a -> signed(a.applied()) + " " + (a.comment().isEmpty() ? "(no comment)" : a.comment()))
                        .collect(Collectors.joining(", "));
            }
            Who w = who.getOrDefault(r.student(), Who.UNKNOWN);
            return List.of(r.student(), Points.of(r.score()), Points.of(r.max()),
                    String.format(Locale.ROOT, "%.1f", pct), r.status(), Long.toString(r.passedCount()),
                    Long.toString(r.tests().stream().filter(t -> !t.notGraded()).count()), comment,
                    Points.of(r.gradedScore()), r.adjustments().isEmpty() ? "" : signed(r.adjustmentTotal()),
                    w.sisId(), w.name(), w.email(), w.section(), w.submittedAt());
        }).toList();
        CsvTable.write(file, HEADER, rows);
    }

    static String signed(double d) {
        return (d > 0 ? "+" : "") + Points.of(d);
    }
}
