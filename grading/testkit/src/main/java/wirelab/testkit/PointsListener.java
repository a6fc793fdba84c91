package wirelab.testkit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The student's summary at the end of a test run: per exercise each test ✓/✗ with its points,
 * the first line of the first failure, then {@code threads: 14 / 20 public points}
 * (see {@link Summary}). Registered through {@code META-INF/services}, so every lab that depends
 * on the test kit gets it, in Maven and in an IDE alike.
 *
 * <p>With {@code -Dwirelab.report.dir=DIR} it also writes {@code DIR/summary.txt} (the screen),
 * {@code DIR/feedback.txt} (every failure in full) and {@code DIR/results.txt} (one line per
 * graded test: PASS or FAIL, class#method, points; the Classroom workflow's steps read it), and {@code -Dwirelab.summary.console=false}
 * keeps it off the console: the student build prints the file from Maven's own process after
 * the tests, because what a forked test JVM prints at the end may be filed under a test.
 *
 * <p>A graded method counts once: it earns its points when it ran and every one of its
 * invocations passed. Tests that never ran (a failed {@code @BeforeAll}, a filter) earn nothing.
 */
public class PointsListener implements TestExecutionListener {

    private final Map<String, GradedTest> graded = new LinkedHashMap<>();
    private final Map<String, Boolean> passed = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    /** Graded tests skipped because this machine lacks a program they drive ({@link Needs}): out of the total. */
    private final Map<String, String> notHere = new LinkedHashMap<>();
    private int ungradedFailures;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        graded.clear();
        passed.clear();
        names.clear();
        failures.clear();
        notHere.clear();
        ungradedFailures = 0;
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        boolean ok = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        if (!test.isTest()) {
            return;
        }
        var g = GradedTest.of(test);
        if (g.isEmpty()) {
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                ungradedFailures++;
            }
            return;
        }
        String id = g.get().id();
        graded.putIfAbsent(id, g.get());
        names.putIfAbsent(id, test.getDisplayName());
        passed.merge(id, ok, Boolean::logicalAnd);
        if (!ok) {
            String message = result.getThrowable().map(PointsListener::describe).orElse(result.getStatus().toString());
            failures.putIfAbsent(id, message);
            if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                missingProgram(message).ifPresent(m -> notHere.put(id, m));   // Tools.require on a laptop
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        GradedTest.of(test).ifPresent(g -> {
            graded.putIfAbsent(g.id(), g);
            names.putIfAbsent(g.id(), test.getDisplayName());
            passed.put(g.id(), false);
            failures.putIfAbsent(g.id(), "skipped: " + reason);
            missingProgram(reason).ifPresent(m -> notHere.put(g.id(), m));   // NeedsCondition
        });
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        // Count graded tests that never started too (e.g. their class failed to initialise).
        plan.getRoots().forEach(root -> plan.getDescendants(root).stream()
                .filter(TestIdentifier::isTest)
                .forEach(t -> GradedTest.of(t).ifPresent(g -> {
                    graded.putIfAbsent(g.id(), g);
                    names.putIfAbsent(g.id(), t.getDisplayName());
                })));
        if (graded.isEmpty()) {
            return;
        }
        String lab = System.getProperty("wirelab.lab", "lab");
        String label = System.getProperty("wirelab.points.label", "points");
        List<Summary.Test> tests = tests();
        String dir = System.getProperty("wirelab.report.dir");
        String details = dir == null ? null : Path.of(System.getProperty("user.dir")).getFileName()
                + "/" + Path.of(System.getProperty("user.dir")).relativize(Path.of(dir).toAbsolutePath()) + "/feedback.txt";
        String screen = Summary.screen(lab, label, tests, details);
        if (dir != null) {
            write(Path.of(dir), screen, Summary.feedback(lab, label, tests), tests);
        }
        if (!"false".equals(System.getProperty("wirelab.summary.console"))) {
            print(System.out, screen);
        }
    }

    private List<Summary.Test> tests() {
        List<Summary.Test> out = new ArrayList<>();
        for (GradedTest g : graded.values()) {
            boolean ok = passed.getOrDefault(g.id(), false);
            String message = ok ? null : failures.getOrDefault(g.id(), "did not run");
            out.add(new Summary.Test(g.group(), g.className(), g.methodName(), names.getOrDefault(g.id(), g.methodName()),
                    g.points(), ok, message, false, notHere.get(g.id())));
        }
        // teaching order: classes and their numbered methods (test01_…), whatever order they ran in
        out.sort(Comparator.comparing(Summary.Test::className).thenComparing(Summary.Test::method));
        return out;
    }

    private void write(Path dir, String screen, String feedback, List<Summary.Test> tests) {
        StringBuilder results = new StringBuilder();
        for (Summary.Test t : tests) {
            results.append(t.passed() ? "PASS " : "FAIL ").append(t.className()).append('#').append(t.method())
                    .append(' ').append(format(t.points())).append('\n');
        }
        boolean failed = ungradedFailures > 0 || tests.stream().anyMatch(t -> !t.passed() && t.notHere() == null);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("summary.txt"), screen, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("feedback.txt"), feedback, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("results.txt"), results, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("status"), failed ? "failed\n" : "passed\n", StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            // a read-only folder (the grader's sandbox): the console line is enough
        }
    }

    /** "nc is not installed (apt-get install netcat-openbsd)", when a test was skipped for a missing program. */
    static Optional<String> missingProgram(String reason) {
        if (reason == null || !reason.contains(" not installed (")) {
            return Optional.empty();
        }
        return Optional.of(reason.replace(": test skipped", "").strip());
    }

    /** The failure's message as a student reads it: the message, else the exception's name. */
    static String describe(Throwable t) {
        String m = t.getMessage();
        String name = t.getClass().getSimpleName();
        if (t instanceof AssertionError) {
            return m == null ? name : m;
        }
        return m == null ? name : name + ": " + m;
    }

    static void print(PrintStream out, String screen) {
        out.print('\n' + screen + '\n');
        out.flush();
    }

    /** 14 rather than 14.0; 2.5 stays 2.5. */
    public static String format(double points) {
        return points == Math.rint(points)
                ? Long.toString((long) points)
                : String.format(Locale.ROOT, "%.2f", points).replaceAll("0$", "");
    }
}
