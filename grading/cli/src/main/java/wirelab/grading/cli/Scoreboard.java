package wirelab.grading.cli;

import java.io.PrintStream;
import java.util.Locale;
import wirelab.grading.batch.Batch;
import wirelab.grading.batch.ClassFiles;
import wirelab.grading.result.Feedback;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/** The table printed at the end of a grading: one line per student, then where the files are. */
final class Scoreboard {

    private Scoreboard() {
    }

    static void print(Batch.Outcome o, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "%-28s %9s  %-5s %-5s %-5s %-5s %-5s  %s%n", "student", "score", "pass", "fail", "time", "crash",
                "ncmp", "verdict");
        for (SubmissionResult r : o.results()) {
            out.printf(Locale.ROOT, "%-28s %9s  %-5d %-5d %-5d %-5d %-5d  %s%n", r.student(),
                    Feedback.num(r.score()) + "/" + Feedback.num(r.max()), count(r, "passed"), count(r, "failed"),
                    count(r, "timeout"), count(r, "crashed"), count(r, "not-compiled"), verdict(r));
        }
        out.println();
        out.printf(Locale.ROOT, "%d submission(s): %d graded, %d unchanged and skipped, in %.1f s%n", o.results().size(),
                o.graded(), o.skipped(), o.seconds());
        if (o.classFiles() != null) {
            ClassFiles.print(o.classFiles(), o.gradebook().toAbsolutePath().getParent(), out);
        }
        out.println("gradebook: " + o.gradebook().toAbsolutePath());
        out.println("report:    " + o.report().toAbsolutePath());
    }

    private static long count(SubmissionResult r, String status) {
        return r.tests().stream().filter(t -> t.status().equals(status)).count();
    }

    /** One short phrase: the first thing that went wrong, the way a TA would say it. */
    static String verdict(SubmissionResult r) {
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
