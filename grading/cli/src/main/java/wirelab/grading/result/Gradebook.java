package wirelab.grading.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** gradebook.csv: one row per student (RFC 4180 quoting), ready for an LMS import. */
public final class Gradebook {

    private Gradebook() {
    }

    public static void write(List<SubmissionResult> results, Path file) {
        StringBuilder sb = new StringBuilder("student,score,max_score,percent,status,tests_passed,tests_total,comment\r\n");
        for (SubmissionResult r : results) {
            double pct = r.max() == 0 ? 0 : 100 * r.score() / r.max();
            String comment = r.refusal() != null ? r.refusal()
                    : !r.compile().isEmpty() ? r.compile().size() + " compile error(s)" : "";
            sb.append(String.join(",", csv(r.student()), Feedback.num(r.score()), Feedback.num(r.max()),
                    String.format(Locale.ROOT, "%.1f", pct), r.status(), Long.toString(r.passedCount()),
                    Integer.toString(r.tests().size()), csv(comment))).append("\r\n");
        }
        try {
            Files.writeString(file, sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csv(String s) {
        if (s == null) {
            return "";
        }
        // a leading = + - @ would be a formula in a spreadsheet: defuse it
        String v = s.matches("^[=+\\-@].*") ? "'" + s : s;
        return v.matches("(?s).*[\",\r\n].*") || !v.equals(v.strip()) ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
