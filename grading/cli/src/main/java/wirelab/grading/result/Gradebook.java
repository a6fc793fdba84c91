package wirelab.grading.result;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** gradebook.csv: one row per student, ready for an LMS import. */
public final class Gradebook {

    public static final List<String> HEADER =
            List.of("student", "score", "max_score", "percent", "status", "tests_passed", "tests_total", "comment");

    private Gradebook() {
    }

    public static void write(List<SubmissionResult> results, Path file) {
        List<List<String>> rows = results.stream().map(r -> {
            double pct = r.max() == 0 ? 0 : 100 * r.score() / r.max();
            String comment = r.refusal() != null ? r.refusal()
                    : !r.compile().isEmpty() ? r.compile().size() + " compile error(s)" : "";
            List<TestVerdict> left = r.tests().stream().filter(TestVerdict::notGraded).toList();
            if (!left.isEmpty()) {
                comment = (comment.isEmpty() ? "" : comment + "; ") + "not graded on this machine: " + left.size()
                        + " test(s), " + Feedback.num(left.stream().mapToDouble(TestVerdict::max).sum())
                        + " point(s) left out of max_score" + r.notes().stream().filter(n -> n.contains("install with: "))
                                .map(n -> " (" + n.substring(n.indexOf("install with: ") + 14) + ")").findFirst().orElse("");
            }
            return List.of(r.student(), Feedback.num(r.score()), Feedback.num(r.max()),
                    String.format(Locale.ROOT, "%.1f", pct), r.status(), Long.toString(r.passedCount()),
                    Long.toString(r.tests().stream().filter(t -> !t.notGraded()).count()), comment);
        }).toList();
        CsvTable.write(file, HEADER, rows);
    }
}
