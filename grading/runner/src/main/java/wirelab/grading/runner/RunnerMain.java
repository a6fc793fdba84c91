package wirelab.grading.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Entry point of a forked test JVM. Runs the selected JUnit tests and streams their events, one
 * JSON object per line, to the events file, flushing after each: if the JVM dies (System.exit,
 * halt, crash, kill on timeout), the file still says which tests finished and which one was running.
 *
 * <pre>
 * java -cp CLASSES:TESTS:DEPS wirelab.grading.runner.RunnerMain --events FILE
 *      [--timeout SECONDS] [--stuck SECONDS [--stuck-waiting SECONDS]] [--scan DIR]... [--class NAME]...
 *      [--method CLASS#METHOD]...
 * </pre>
 * {@code --stuck}: end a test as soon as its threads have made no progress for that long (see
 * {@link StuckWatch}) instead of waiting out {@code --timeout}; off when not given.
 * {@code --stuck-waiting}: a shorter period for a test whose every thread waits for another.
 * Exit code: 0 when the run reached its end (whatever the tests' results), 3 on bad arguments, 5
 * after a timed-out or stuck test, {@value #RUNNER_FAILED_EXIT} when the run itself failed.
 */
public final class RunnerMain {

    /** The exit code when the launcher itself failed mid-run (the test it was running gets the blame). */
    public static final int RUNNER_FAILED_EXIT = 6;

    private RunnerMain() {
    }

    public static void main(String[] args) throws IOException {
        Path events = null;
        long timeoutSeconds = 10;
        double stuckSeconds = 0;
        double waitingSeconds = -1;
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--events" -> events = Path.of(require(args[i], value));
                case "--timeout" -> timeoutSeconds = Long.parseLong(require(args[i], value));
                case "--stuck" -> stuckSeconds = Double.parseDouble(require(args[i], value));
                case "--stuck-waiting" -> waitingSeconds = Double.parseDouble(require(args[i], value));
                case "--scan" -> selectors.addAll(selectClasspathRoots(Set.of(Path.of(require(args[i], value)))));
                case "--class" -> selectors.add(selectClass(require(args[i], value)));
                case "--method" -> selectors.add(selectMethod(require(args[i], value)));
                default -> usage("unknown argument " + args[i]);
            }
            i++;
        }
        if (events == null || selectors.isEmpty()) {
            usage("need --events and at least one of --scan, --class, --method");
        }
        System.setIn(InputStream.nullInputStream());

        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        OutputCapture capture = new OutputCapture(realOut, realErr);
        capture.install();
        int exit = 0;
        try (EventWriter writer = EventWriter.open(events)) {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request(selectors, timeoutSeconds), new StreamingListener(writer, capture, stuckSeconds,
                    waitingSeconds < 0 ? stuckSeconds : waitingSeconds));
        } catch (Throwable e) {
            // e.g. no thread can be started any more: the run cannot go on, and the threads the tests
            // left must not keep this JVM alive until the grader's wall-clock limit
            exit = RUNNER_FAILED_EXIT;
            realErr.println("wirelab runner: the run could not go on: " + e);
            e.printStackTrace(realErr);
        } finally {
            capture.uninstall();
        }
        // Threads the tests left running must not keep the JVM (and the grader) waiting.
        Runtime.getRuntime().halt(exit);
    }

    private static LauncherDiscoveryRequest request(List<DiscoverySelector> selectors, long timeoutSeconds) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameter("junit.jupiter.execution.timeout.default", timeoutSeconds + " s")
                // a separate thread lets the run go on past a test that ignores interrupts
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();
    }

    private static String require(String option, String value) {
        if (value == null) {
            usage(option + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("wirelab runner: " + problem);
        System.err.println("usage: RunnerMain --events FILE [--timeout SECONDS] [--stuck SECONDS [--stuck-waiting SECONDS]] [--scan DIR]... [--class NAME]... [--method CLASS#METHOD]...");
        Runtime.getRuntime().halt(3);
    }
}
