package wirelab.grading.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import wirelab.grading.result.Points;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/** The table printed at the end of a grading: one line per student. */
public final class Scoreboard {

    private Scoreboard() {
    }

    /** One line per student: score, tests by verdict, and the first thing that went wrong. */
    public static void print(List<SubmissionResult> results, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-28s %9s  %-5s %-5s %-5s %-5s %-5s  %s%n", "student", "score", "pass", "fail", "time", "crash",
                "ncmp", "verdict");
        for (SubmissionResult r : results) {
            out.printf(Locale.ROOT, "%-28s %9s  %-5d %-5d %-5d %-5d %-5d  %s%n", r.student(),
                    Points.of(r.score()) + "/" + Points.of(r.max()), count(r, "passed"), count(r, "failed"),
                    count(r, "timeout"), count(r, "crashed"), count(r, "not-compiled"), verdict(r));
        }
    }

    private static long count(SubmissionResult r, String status) {
        return r.tests().stream().filter(t -> t.status().equals(status)).count();
    }

    /** One short phrase: the first thing that went wrong, the way a TA would say it. */
    public static String verdict(SubmissionResult r) {
        if (r.refusal() != null) {
            return "refused: " + r.refusal();
        }
        if (r.max() > 0 && r.score() >= r.max()) {
            return "full marks";
        }
        if (!r.compile().isEmpty()) {
            return "compile errors: " + r.compile().get(0);
        }
        for (String status : new String[] {"crashed", "timeout", "not-compiled", "failed"}) {
            for (TestVerdict t : r.tests()) {
                if (t.status().equals(status)) {
                    String m = t.message() == null ? "" : t.message();
                    int nl = m.indexOf('\n');
                    m = nl < 0 ? m : m.substring(0, nl);
                    return status + ": " + (m.length() > 110 ? m.substring(0, 110) + "…" : m);
                }
            }
        }
        return "";
    }
}
