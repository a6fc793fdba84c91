package wirelab.testkit;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the line students look for at the end of {@code ./mvnw test}:
 * {@code threads: 14 / 20 public points}. Registered through
 * {@code META-INF/services}, so every lab that depends on the test kit gets it.
 *
 * <p>A graded method counts once: it earns its points when it ran and every one of its
 * invocations passed. Tests that never ran (a failed {@code @BeforeAll}, a filter) earn nothing.
 */
public class PointsListener implements TestExecutionListener {

    private final Map<String, GradedTest> graded = new LinkedHashMap<>();
    private final Map<String, Boolean> passed = new LinkedHashMap<>();
    /** Graded tests skipped because this machine lacks a program they drive ({@link Needs}): out of the total. */
    private final Map<String, String> notHere = new LinkedHashMap<>();

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        graded.clear();
        passed.clear();
        notHere.clear();
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        GradedTest.of(test).ifPresent(g -> {
            graded.putIfAbsent(g.id(), g);
            boolean ok = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            passed.merge(g.id(), ok, Boolean::logicalAnd);
        });
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        GradedTest.of(test).ifPresent(g -> {
            graded.putIfAbsent(g.id(), g);
            passed.put(g.id(), false);
            if (reason != null && reason.contains(" not installed (")) {   // NeedsCondition's reason
                notHere.put(g.id(), reason);
            }
        });
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        // Count graded tests that never started too (e.g. their class failed to initialise).
        plan.getRoots().forEach(root -> plan.getDescendants(root).stream()
                .filter(TestIdentifier::isTest)
                .forEach(t -> GradedTest.of(t).ifPresent(g -> graded.putIfAbsent(g.id(), g))));
        if (graded.isEmpty()) {
            return;
        }
        double max = graded.values().stream().filter(g -> !notHere.containsKey(g.id())).mapToDouble(GradedTest::points).sum();
        double earned = graded.values().stream()
                .filter(g -> passed.getOrDefault(g.id(), false))
                .mapToDouble(GradedTest::points).sum();
        String lab = System.getProperty("wirelab.lab", "lab");
        String label = System.getProperty("wirelab.points.label", "points");
        print(System.out, lab, earned, max, label);
        if (!notHere.isEmpty()) {
            double left = graded.values().stream().filter(g -> notHere.containsKey(g.id())).mapToDouble(GradedTest::points).sum();
            System.out.printf(Locale.ROOT, "(%s more %s not counted: %d test(s) skipped because this machine lacks a program"
                    + " they drive: %s)%n%n", format(left), label, notHere.size(),
                    String.join("; ", new java.util.LinkedHashSet<>(notHere.values())).replace(": test skipped", ""));
            System.out.flush();
        }
    }

    static void print(PrintStream out, String lab, double earned, double max, String label) {
        out.printf(Locale.ROOT, "%n%s: %s / %s %s%n%n", lab, format(earned), format(max), label);
        out.flush();
    }

    /** 14 rather than 14.0; 2.5 stays 2.5. */
    public static String format(double points) {
        return points == Math.rint(points)
                ? Long.toString((long) points)
                : String.format(Locale.ROOT, "%.2f", points).replaceAll("0$", "");
    }
}
