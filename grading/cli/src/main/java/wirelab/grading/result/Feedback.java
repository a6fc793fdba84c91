package wirelab.grading.result;

import java.util.Locale;

/** The plain-text feedback a student reads: score, then each test with what went wrong. */
public final class Feedback {

    static final int OUTPUT_CHARS = 2000;
    static final int THREAD_CHARS = 3000;

    private Feedback() {
    }

    public static String of(SubmissionResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s — lab %s: %s / %s points%n", r.student(), r.lab(), num(r.score()), num(r.max())));
        if (r.refusal() != null) {
            sb.append("NOT GRADED: ").append(r.refusal()).append('\n');
        }
        if (!r.compile().isEmpty()) {
            sb.append("\nCompiler errors:\n");
            r.compile().forEach(c -> sb.append("  ").append(c).append('\n'));
        }
        if (!r.notes().isEmpty()) {
            sb.append('\n');
            r.notes().forEach(n -> sb.append(n).append('\n'));
        }
        sb.append('\n');
        for (TestVerdict t : r.tests()) {
            // a test not graded here is worth nothing on this machine: "-/4" says it was neither passed nor failed
            sb.append(String.format(Locale.ROOT, "[%s] %s/%s  %s%n", label(t.status()), t.notGraded() ? "-" : num(t.score()),
                    num(t.max()), t.name()));
            if (!t.passed()) {
                sb.append(indent(testText(t))).append('\n');
            }
        }
        sb.append("\nGraded in ").append(r.isolation()).append('\n');
        return sb.toString();
    }

    /** One test's feedback: the message, then what it printed, then (on a hang) the threads. */
    public static String testText(TestVerdict t) {
        if (t.passed()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(t.message() == null ? t.status() : t.message());
        if (t.output() != null && !t.output().isBlank()) {
            sb.append("\n--- output ---\n").append(cut(t.output(), OUTPUT_CHARS));
        }
        if (t.threads() != null && !t.threads().isBlank()) {
            sb.append("\n--- threads when it was stopped ---\n").append(cut(t.threads(), THREAD_CHARS));
        }
        return sb.toString();
    }

    static String label(String status) {
        return switch (status) {
            case "passed" -> "PASS";
            case "timeout" -> "TIME";
            case "crashed" -> "CRSH";
            case "not-compiled" -> "NCMP";
            case TestVerdict.NOT_GRADED -> "N/G ";
            default -> "FAIL";
        };
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "\n[... " + (s.length() - max) + " more characters]";
    }

    private static String indent(String s) {
        return "    " + s.replace("\n", "\n    ");
    }

    public static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
