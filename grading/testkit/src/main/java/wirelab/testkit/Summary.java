package wirelab.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a student reads at the end of a test run: one line per exercise (the {@link Points#group()})
 * with a mark and the points of each test, the first line of its first failure, and the points
 * line last. The same grouping and order serve the full feedback file, and the harness's
 * feedback after the deadline, so a student sees one shape everywhere.
 *
 * <pre>
 * threads: public tests by exercise (✓ passed, ✗ failed; the number is the test's points)
 *   ✗ bank            3 / 7    ✓2 ✓1 ✗3 ✗1
 *       BankTest.test03: a transfer thread threw UnsupportedOperationException: TODO: lock both…
 *   ✓ counters       21 / 21   ✓3 ✓3 ✓3 ✓3 ✓3 ✓3 ✓3
 * Every failure in full: threads/target/wirelab/feedback.txt
 *
 * threads: 24 / 55 public points
 * </pre>
 */
public final class Summary {

    /**
     * One graded test's outcome. {@code message} is the whole failure text, null when it passed;
     * {@code notHere} says why this machine could not run it (a program it drives is missing,
     * see {@link Needs}), null when it ran: such a test is left out of the points.
     */
    public record Test(String group, String className, String method, String displayName,
                       double points, boolean passed, String message, boolean hidden, String notHere) {

        boolean counted() {
            return notHere == null;
        }

        String shortName() {
            String simple = className.substring(className.lastIndexOf('.') + 1);
            String number = method.matches("test\\d+_.*") ? method.substring(0, method.indexOf('_')) : method;
            return simple + "." + number;
        }
    }

    /** How wide a line may get before it is cut (a terminal's width, less the indent). */
    static final int WIDTH = 110;

    private Summary() {
    }

    /** The screen: per exercise a line, the first failure of each failing exercise, the points line last. */
    public static String screen(String lab, String label, List<Test> tests, String detailsPath) {
        StringBuilder sb = new StringBuilder();
        // "public points" → "public tests", "points" → "tests"
        sb.append(lab).append(": ").append(label.replaceFirst("points$", "tests")).append(" by exercise")
                .append(" (✓ passed, ✗ failed; the number is the test's points)\n");
        Map<String, List<Test>> groups = byGroup(tests);
        int nameWidth = groups.keySet().stream().mapToInt(String::length).max().orElse(8);
        for (Map.Entry<String, List<Test>> g : groups.entrySet()) {
            List<Test> list = g.getValue();
            boolean all = list.stream().filter(Test::counted).allMatch(Test::passed);
            StringBuilder marks = new StringBuilder();
            for (Test t : list) {
                marks.append(t.passed() ? '✓' : t.counted() ? '✗' : '–').append(PointsListener.format(t.points())).append(' ');
            }
            sb.append(String.format(Locale.ROOT, "  %s %-" + nameWidth + "s %6s   %s%n", all ? "✓" : "✗", g.getKey(),
                    PointsListener.format(earned(list)) + " / " + PointsListener.format(max(list)), marks.toString().strip()));
            list.stream().filter(t -> !t.passed() && t.counted()).findFirst().ifPresent(t ->
                    sb.append("      ").append(cut(t.shortName() + ": " + firstLine(t.message()), WIDTH)).append('\n'));
        }
        List<Test> notHere = tests.stream().filter(t -> !t.counted()).toList();
        if (!notHere.isEmpty()) {
            sb.append(cut("– not counted: " + PointsListener.format(notHere.stream().mapToDouble(Test::points).sum())
                    + " points of tests this machine cannot run: " + String.join("; ",
                    notHere.stream().map(Test::notHere).distinct().toList()), WIDTH + 6)).append('\n');
        }
        if (detailsPath != null && tests.stream().anyMatch(t -> !t.passed())) {
            sb.append("Every failure in full: ").append(detailsPath).append('\n');
        }
        sb.append('\n').append(pointsLine(lab, earned(tests), max(tests), label)).append('\n');
        return sb.toString();
    }

    /** The feedback file: the same groups in the same order, each test with its name and, when it failed, its whole message. */
    public static String feedback(String lab, String label, List<Test> tests) {
        StringBuilder sb = new StringBuilder();
        sb.append(pointsLine(lab, earned(tests), max(tests), label)).append('\n');
        for (Map.Entry<String, List<Test>> g : byGroup(tests).entrySet()) {
            List<Test> list = g.getValue();
            sb.append(String.format(Locale.ROOT, "%n== %s: %s / %s%n", g.getKey(),
                    PointsListener.format(earned(list)), PointsListener.format(max(list))));
            for (Test t : list) {
                sb.append(String.format(Locale.ROOT, "%s %s/%s  %s%s  (%s)%n", t.passed() ? "✓" : t.counted() ? "✗" : "–",
                        t.counted() ? PointsListener.format(t.passed() ? t.points() : 0) : "-", PointsListener.format(t.points()),
                        t.hidden() ? "[hidden] " : "", t.displayName(), t.shortName()));
                if (!t.counted()) {
                    sb.append("      not counted: ").append(t.notHere()).append('\n');
                } else if (!t.passed() && t.message() != null) {
                    t.message().strip().lines().forEach(l -> sb.append("      ").append(l).append('\n'));
                }
            }
        }
        return sb.toString();
    }

    /** {@code threads: 14 / 55 public points}: the line students look for. */
    public static String pointsLine(String lab, double earned, double max, String label) {
        return lab + ": " + PointsListener.format(earned) + " / " + PointsListener.format(max) + " " + label;
    }

    static Map<String, List<Test>> byGroup(List<Test> tests) {
        Map<String, List<Test>> groups = new LinkedHashMap<>();
        for (Test t : tests) {
            groups.computeIfAbsent(t.group(), k -> new ArrayList<>()).add(t);
        }
        return groups;
    }

    static double earned(List<Test> tests) {
        return tests.stream().filter(Test::passed).mapToDouble(Test::points).sum();
    }

    /** The points this run could earn: a test this machine cannot run is left out. */
    static double max(List<Test> tests) {
        return tests.stream().filter(Test::counted).mapToDouble(Test::points).sum();
    }

    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "failed";
        }
        return message.strip().lines().findFirst().orElse("failed");
    }

    static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
