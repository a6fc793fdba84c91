package wirelab.grading.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *      [--timeout SECONDS] [--scan DIR]... [--class NAME]... [--method CLASS#METHOD]...
 * java ... RunnerMain --events FILE [--timeout SECONDS] --queue
 * </pre>
 * With {@code --queue} the tests come one unit at a time on stdin ({@code --method C#m} or
 * {@code --class C} per line), so several test JVMs can share one submission's tests: before each
 * read the runner writes a {@code ready} event, after each unit a {@code done} event (with the
 * reason when the unit could not even be discovered), and {@code end} when stdin closes.
 * Exit code: 0 when the run reached its end (whatever the tests' results), 3 on bad arguments.
 */
public final class RunnerMain {

    private RunnerMain() {
    }

    public static void main(String[] args) throws IOException {
        Path events = null;
        long timeoutSeconds = 10;
        List<DiscoverySelector> selectors = new ArrayList<>();
        boolean queue = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--queue" -> {
                    queue = true;
                    continue;   // a flag: no value to skip
                }
                case "--events" -> events = Path.of(require(args[i], value));
                case "--timeout" -> timeoutSeconds = Long.parseLong(require(args[i], value));
                case "--scan" -> selectors.addAll(selectClasspathRoots(Set.of(Path.of(require(args[i], value)))));
                case "--class" -> selectors.add(selectClass(require(args[i], value)));
                case "--method" -> selectors.add(selectMethod(require(args[i], value)));
                default -> usage("unknown argument " + args[i]);
            }
            i++;
        }
        if (events == null || (selectors.isEmpty() && !queue)) {
            usage("need --events and --queue or at least one of --scan, --class, --method");
        }
        // the harness's orders arrive on stdin: neither the tests nor the student's code may read them
        BufferedReader orders = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.setIn(InputStream.nullInputStream());

        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        OutputCapture capture = new OutputCapture(realOut, realErr);
        capture.install();
        try (EventWriter writer = EventWriter.open(events)) {
            Launcher launcher = LauncherFactory.create();
            if (queue) {
                runQueue(orders, launcher, writer, capture, timeoutSeconds);
            } else {
                launcher.execute(request(selectors, timeoutSeconds), new StreamingListener(writer, capture));
            }
        } finally {
            capture.uninstall();
        }
        // Threads the tests left running must not keep the JVM (and the grader) waiting.
        Runtime.getRuntime().halt(0);
    }

    /** Units from stdin until it closes, each run on its own. */
    private static void runQueue(BufferedReader orders, Launcher launcher, EventWriter writer, OutputCapture capture,
            long timeoutSeconds) throws IOException {
        int units = 0;
        while (true) {
            writer.write(Map.of("type", "ready"));
            String line = orders.readLine();
            if (line == null) {
                break;
            }
            String unit = line.strip();
            String failure;
            long start = System.nanoTime();
            try {
                StreamingListener listener = new StreamingListener(writer, capture, unit);
                launcher.execute(request(List.of(selector(unit)), timeoutSeconds), listener);
                failure = listener.containerFailure();
            } catch (RuntimeException e) {
                failure = e + "\n" + StreamingListener.trace(e);
            }
            Map<String, Object> done = new LinkedHashMap<>();
            done.put("type", "done");
            done.put("unit", unit);
            done.put("failure", failure);
            done.put("ms", (System.nanoTime() - start) / 1_000_000);
            writer.write(done);
            units++;
        }
        writer.write(Map.of("type", "end", "units", units));
    }

    private static DiscoverySelector selector(String unit) {
        String[] parts = unit.split(" ", 2);
        if (parts.length == 2 && parts[0].equals("--method")) {
            return selectMethod(parts[1]);
        }
        if (parts.length == 2 && parts[0].equals("--class")) {
            return selectClass(parts[1]);
        }
        throw new IllegalArgumentException("not a unit: " + unit);
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
        System.err.println("usage: RunnerMain --events FILE [--timeout SECONDS] [--scan DIR]... [--class NAME]... [--method CLASS#METHOD]...");
        System.err.println("       RunnerMain --events FILE [--timeout SECONDS] --queue   (units on stdin, one per line)");
        Runtime.getRuntime().halt(3);
    }
}
