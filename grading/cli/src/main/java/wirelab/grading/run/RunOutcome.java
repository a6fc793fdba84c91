package wirelab.grading.run;

import java.util.List;

/**
 * Everything one submission's test run produced: a verdict per test, in plan order, and
 * run-level problems (a JVM that died before any test, an output flood), with the number of
 * JVMs it took (more than one when a test crashed its JVM and the rest ran in a fresh one).
 */
public record RunOutcome(List<TestResult> results, List<String> problems, int jvms, String outputTail) {

    public double earned() {
        return results.stream().filter(TestResult::graded).mapToDouble(TestResult::earned).sum();
    }

    public double max() {
        return results.stream().filter(TestResult::graded).mapToDouble(TestResult::points).sum();
    }
}
