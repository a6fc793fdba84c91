package wirelab.grading.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/** One short line per submission for a scoreboard: "full marks", or what went wrong and how often. */
public final class Verdicts {

    private Verdicts() {
    }

    public static String of(SubmissionResult r) {
        if (r.refusal() != null) {
            return "refused: " + r.refusal();
        }
        if (r.max() > 0 && r.score() >= r.max()) {
            return "full marks";
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String status : new String[] {"crashed", "timeout", "not-compiled", "failed"}) {
            int n = (int) r.tests().stream().filter(t -> t.status().equals(status)).count();
            if (n > 0) {
                counts.put(status, n);
            }
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
        String why = firstProblem(r);
        return why.isEmpty() ? sb.toString() : sb + ": " + why;
    }

    private static String firstProblem(SubmissionResult r) {
        for (String n : r.notes()) {
            if (n.startsWith("run: ")) {
                return n.substring(5);
            }
        }
        if (!r.compile().isEmpty()) {
            return r.compile().get(0);
        }
        for (String status : new String[] {"crashed", "timeout", "not-compiled", "failed"}) {
            for (TestVerdict t : r.tests()) {
                if (t.status().equals(status) && t.message() != null) {
                    String m = t.message();
                    int nl = m.indexOf('\n');
                    return nl < 0 ? m : m.substring(0, nl);
                }
            }
        }
        return "";
    }
}
