package wirelab.grading.run;

/**
 * The verdict on one test of one run. {@code status} is one of passed, failed, timeout,
 * crashed (the JVM died during the test), skipped, or not-compiled (set by the compile stage).
 */
public record TestResult(
        String id,
        String name,
        double points,
        boolean graded,
        String status,
        String message,
        String expected,
        String actual,
        String trace,
        String output,
        String threads,
        long millis) {

    public boolean passed() {
        return "passed".equals(status);
    }

    public double earned() {
        return passed() ? points : 0;
    }

    public TestResult withStatus(String newStatus, String newMessage) {
        return new TestResult(id, name, points, graded, newStatus, newMessage, expected, actual, trace, output,
                threads, millis);
    }
}
