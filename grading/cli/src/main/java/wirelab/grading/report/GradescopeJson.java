package wirelab.grading.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wirelab.grading.result.Adjustment;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/**
 * The Gradescope autograder's results.json: score, execution_time (seconds), output, and one
 * entry per test with score, max_score, status, name and output. Jackson does the escaping.
 */
public final class GradescopeJson {

    private GradescopeJson() {
    }

    public static Map<String, Object> of(SubmissionResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("score", r.score());
        root.put("execution_time", Math.max(1, Math.round(r.seconds())));
        root.put("output", summary(r));
        root.put("output_format", "text");
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        List<Map<String, Object>> tests = new ArrayList<>();
        int n = 0;
        for (TestVerdict t : r.tests()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("score", t.score());
            // not graded here: worth nothing on this machine, neither passed nor failed (Gradescope's status is optional)
            e.put("max_score", t.notGraded() ? 0.0 : t.max());
            if (!t.notGraded()) {
                e.put("status", t.passed() ? "passed" : "failed");
            }
            e.put("name", t.notGraded() ? t.name() + " (not graded on this machine)" : t.name());
            e.put("name_format", "text");
            e.put("number", Integer.toString(++n));
            e.put("output", Feedback.testText(t));
            e.put("output_format", "text");
            e.put("tags", List.of(t.group(), t.status()));
            e.put("visibility", "visible");
            tests.add(e);
        }
        for (Adjustment a : r.adjustments()) {
            // the top-level score already counts it; this entry tells the student why
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("score", a.applied());
            e.put("max_score", 0.0);
            e.put("name", "Adjustment by course staff: " + (a.wholeSubmission() ? "" : a.testName() + ": ") + a.comment());
            e.put("name_format", "text");
            e.put("number", Integer.toString(++n));
            e.put("output", a.describe());
            e.put("output_format", "text");
            e.put("tags", List.of("adjustment"));
            e.put("visibility", "visible");
            tests.add(e);
        }
        root.put("tests", tests);
        return root;
    }

    private static String summary(SubmissionResult r) {
        StringBuilder sb = new StringBuilder();
        if (r.refusal() != null) {
            sb.append("Not graded: ").append(r.refusal()).append('\n');
        }
        if (!r.compile().isEmpty()) {
            sb.append("Compiler messages:\n");
            r.compile().forEach(c -> sb.append("  ").append(c).append('\n'));
        }
        r.notes().forEach(n -> sb.append(n).append('\n'));
        if (!r.adjustments().isEmpty()) {
            sb.append(Feedback.adjustments(r));
        }
        return sb.toString();
    }
}
