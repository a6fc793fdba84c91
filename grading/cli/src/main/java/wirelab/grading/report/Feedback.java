package wirelab.grading.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import wirelab.grading.result.Points;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/**
 * The plain-text feedback a student reads after the deadline: the score, then the tests by
 * exercise in the order and shape of the summary students saw while working (the test kit's
 * {@code Summary}): each test ✓ or ✗ with its points, public and hidden tests marked as such, and
 * under a failed one what went wrong.
 */
public final class Feedback {

    static final int OUTPUT_CHARS = 2000;
    static final int THREAD_CHARS = 3000;

    private Feedback() {
    }

    /** Feedback in which every test counts as public (no list of the lab's public test classes). */
    public static String of(SubmissionResult r) {
        return of(r, null);
    }

    /**
     * @param publicClasses the test classes students have (public tests, published race tests);
     *                      the rest are marked [hidden]. Null: none is marked.
     */
    public static String of(SubmissionResult r, Set<String> publicClasses) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s — lab %s: %s / %s points%n", r.student(), r.lab(), Points.of(r.score()), Points.of(r.max())));
        if (!r.adjustments().isEmpty()) {
            sb.append(adjustments(r));
        }
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
        for (Map.Entry<String, List<TestVerdict>> g : byGroup(r.tests()).entrySet()) {
            List<TestVerdict> tests = g.getValue();
            sb.append(String.format(Locale.ROOT, "%n== %s: %s / %s%n", g.getKey(),
                    Points.of(tests.stream().mapToDouble(TestVerdict::score).sum()),
                    Points.of(tests.stream().filter(t -> !t.notGraded()).mapToDouble(TestVerdict::max).sum())));
            for (TestVerdict t : tests) {
                boolean hidden = publicClasses != null && !publicClasses.contains(className(t));
                // a test not graded here is worth nothing on this machine: "-/4" says it was neither passed nor failed
                sb.append(String.format(Locale.ROOT, "%s %s/%s  %s%s%s  (%s)%n", mark(t), t.notGraded() ? "-" : Points.of(t.score()), Points.of(t.max()),
                        hidden ? "[hidden] " : "", t.name(), t.passed() || "failed".equals(t.status()) ? "" : " [" + t.status() + "]",
                        shortId(t)));
                if (!t.passed()) {
                    sb.append(indent(testText(t))).append('\n');
                }
            }
        }
        sb.append("\nGraded in ").append(r.isolation()).append('\n');
        return sb.toString();
    }

    /** The staff's changes after grading: the tests' score, then each change and why. */
    public static String adjustments(SubmissionResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "The tests gave %s; adjusted by course staff (%s%s):%n", Points.of(r.gradedScore()),
                r.adjustmentTotal() > 0 ? "+" : "", Points.of(r.adjustmentTotal())));
        r.adjustments().forEach(a -> sb.append("  ").append(a.describe()).append('\n'));
        return sb.toString();
    }

    /** Groups in teaching order: by test class and numbered method, whatever order they ran in. */
    static Map<String, List<TestVerdict>> byGroup(List<TestVerdict> tests) {
        List<TestVerdict> sorted = new ArrayList<>(tests);
        sorted.sort(Comparator.comparing(TestVerdict::id));
        Map<String, List<TestVerdict>> groups = new LinkedHashMap<>();
        for (TestVerdict t : sorted) {
            groups.computeIfAbsent(t.group() == null || t.group().isBlank() ? simpleName(className(t)) : t.group(),
                    k -> new ArrayList<>()).add(t);
        }
        return groups;
    }

    static String mark(TestVerdict t) {
        return t.passed() ? "✓" : "skipped".equals(t.status()) || t.notGraded() ? "–" : "✗";
    }

    static String className(TestVerdict t) {
        String id = t.id() == null ? "" : t.id();
        return id.contains("#") ? id.substring(0, id.indexOf('#')) : id;
    }

    /** BankTest.test03 for wirelab.threads.bank.BankTest#test03_oppositeDirections. */
    public static String shortId(TestVerdict t) {
        String id = t.id() == null ? "" : t.id();
        String method = id.contains("#") ? id.substring(id.indexOf('#') + 1) : "";
        String number = method.matches("test\\d+_.*") ? method.substring(0, method.indexOf('_')) : method;
        return simpleName(className(t)) + (number.isEmpty() ? "" : "." + number);
    }

    static String simpleName(String cls) {
        return cls.substring(cls.lastIndexOf('.') + 1);
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

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "\n[... " + (s.length() - max) + " more characters]";
    }

    private static String indent(String s) {
        return "    " + s.replace("\n", "\n    ");
    }
}
