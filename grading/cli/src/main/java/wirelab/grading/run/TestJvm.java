package wirelab.grading.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import wirelab.grading.runner.RunnerMain;

/**
 * Runs tests in a forked JVM and turns what happened into a verdict per test. The runner
 * streams an event per test, so a JVM that exits, halts, crashes, floods its output or hangs
 * is seen for what it is: the test it was running gets "crashed" or "timeout" (with a thread
 * dump), and the tests it never reached run again in a fresh JVM, in the order they were due:
 * a list always runs the same way, so its verdicts do not depend on timing.
 */
public final class TestJvm {

    private final Sandbox sandbox;
    /**
     * Tests whose JVM was stopped for an output flood while they ran: the flood may come from a
     * thread an earlier test left running, so such a test runs once more, first in a fresh JVM,
     * before the crash counts against it (see {@link #collect}).
     */
    private final Set<String> rerun = new HashSet<>();

    public TestJvm(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public RunOutcome run(TestJvmSpec spec) {
        Map<String, TestResult> results = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> selectors = spec.selectors();
        String tail = "";
        int jvms = 0;
        int budget = 50;
        boolean hung = false;
        while (!selectors.isEmpty() && jvms < budget) {
            jvms++;
            Path events = spec.workDir().resolve("events-" + jvms + ".jsonl");
            deleteStale(events);
            Attempt attempt = launch(spec, selectors, events, hung);
            tail = attempt.output();
            EventsFile file = EventsFile.read(events);
            if (file.plan().isEmpty()) {
                problems.addAll(attempt.leftBehind());
                problems.add(attempt.killedFor() != null
                        ? "the test JVM was stopped before any test ran: " + attempt.killedFor()
                        : "the test JVM ended (exit code " + attempt.exitCode() + ") before any test ran");
                break;
            }
            if (jvms == 1 || budget == 50) {
                budget = Math.max(2, file.plan().size() + 1);
            }
            int rerunBefore = rerun.size();
            collect(file, attempt, results, problems);
            hung |= results.values().stream().anyMatch(r -> r.message() != null && r.message().startsWith("stuck:"));
            attempt.leftBehind().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
            if (file.reachedEnd()) {
                break;
            }
            // Run whatever the dead JVM never reached in a fresh one.
            List<String> remaining = new ArrayList<>();
            file.plan().forEach((uid, planned) -> {
                if (!results.containsKey(uid)) {
                    String selector = planned.path("selector").asText();
                    if (!remaining.contains(selector)) {
                        remaining.add("--method");
                        remaining.add(selector);
                    }
                }
            });
            if (remaining.equals(selectors) && rerun.size() == rerunBefore) {
                break;
            }
            selectors = remaining;
        }
        return new RunOutcome(List.copyOf(results.values()), problems, jvms, tail);
    }

    /**
     * The verdicts one JVM's events give: finished tests, and the one it died in. The first verdict
     * of a test stands, except that a test in whose run the JVM was stopped for an output flood is
     * left without one the first time: it runs again first in the next JVM, where no thread of an
     * earlier test can print (a flooding test floods again there and gets its verdict then).
     */
    private void collect(EventsFile file, Attempt attempt, Map<String, TestResult> results, List<String> problems) {
        String unfinished = file.unfinished();
        for (Map.Entry<String, JsonNode> planned : file.plan().entrySet()) {
            String uid = planned.getKey();
            JsonNode done = file.finished().get(uid);
            if (done != null) {
                results.putIfAbsent(uid, EventsFile.result(planned.getValue(), done));
            } else if (uid.equals(unfinished) && attempt.killedFor() != null && attempt.killedFor().startsWith("output")
                    && !results.containsKey(uid) && rerun.add(uid)) {
                continue;
            } else if (uid.equals(unfinished)) {
                results.putIfAbsent(uid, dead(planned.getValue(), attempt));
            }
        }
        if (attempt.killedFor() != null && !attempt.killedFor().startsWith("wall") && !problems.contains(attempt.killedFor())) {
            problems.add(attempt.killedFor());
        }
    }

    /** A work folder may be reused (one per process, several labs): never read another run's events. */
    private static void deleteStale(Path events) {
        try {
            Files.deleteIfExists(events);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + events, e);
        }
    }

    private static TestResult dead(JsonNode planned, Attempt attempt) {
        TestResult base = EventsFile.result(planned, planned);
        if (attempt.killedFor() != null && attempt.killedFor().startsWith("wall")) {
            return new TestResult(base.id(), base.name(), base.points(), base.graded(), "timeout",
                    "the test did not finish within the time limit and its JVM had to be stopped",
                    null, null, null, lastLines(attempt.output(), 20), threadDumpIn(attempt.output()), 0);
        }
        String why = attempt.killedFor() != null ? attempt.killedFor()
                : attempt.exitCode() == RunnerMain.RUNNER_FAILED_EXIT
                        ? "the test JVM could not go on during this test (" + runnerFailure(attempt.output())
                                + "): e.g. it started more threads than a test may"
                : "the JVM ended during this test (exit code " + attempt.exitCode()
                        + "): System.exit, Runtime.halt or a crash; a test must never end the JVM";
        return new TestResult(base.id(), base.name(), base.points(), base.graded(), "crashed", why,
                null, null, null, lastLines(attempt.output(), 20), null, 0);
    }

    /**
     * @param hung whether a test of this list already ended as stuck: the code under test loses
     *             wake-ups or deadlocks, so the next JVMs end a test whose every thread waits for
     *             another after a quarter of the quiet period. A correct submission never gets
     *             there; a woken thread shows as moving within the scheduler's latency, far less.
     */
    private Attempt launch(TestJvmSpec spec, List<String> selectors, Path events, boolean hung) {
        List<String> command = new ArrayList<>();
        command.add(spec.javaHome().resolve("bin/java").toString());
        command.add("-Xmx" + spec.heapMegabytes() + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-Djava.io.tmpdir=" + spec.workDir());
        command.addAll(spec.jvmOptions());
        command.add("-cp");
        command.add(spec.classpath().stream().map(Path::toString).collect(Collectors.joining(":")));
        command.add(RunnerMain.class.getName());
        command.add("--events");
        command.add(events.toString());
        command.add("--timeout");
        command.add(Long.toString(Math.max(1, spec.perTest().toSeconds())));
        if (!spec.stuckAfter().isZero()) {
            command.add("--stuck");
            command.add(Double.toString(spec.stuckAfter().toMillis() / 1000.0));
            if (hung) {
                command.add("--stuck-waiting");
                command.add(Double.toString(spec.stuckAfter().toMillis() / 4000.0));
            }
        }
        command.addAll(selectors);

        ProcessBuilder pb = new ProcessBuilder(sandbox.wrap(command, spec))
                .directory(spec.workDir().toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        String killedFor = null;
        try {
            Files.createDirectories(spec.workDir());
            Process process = pb.start();
            CappedReader reader = new CappedReader(process.getInputStream(), spec.outputLimit());
            Thread pump = new Thread(reader, "test-jvm-output");
            pump.setDaemon(true);
            pump.start();
            long deadline = System.nanoTime() + spec.wall().toNanos();
            while (process.isAlive()) {
                if (reader.overflowed()) {
                    killedFor = "output limit: the code printed more than " + spec.outputLimit() / 1024
                            + " KiB and was stopped";
                    kill(process);
                    break;
                }
                if (System.nanoTime() > deadline) {
                    killedFor = "wall-clock limit of " + spec.wall().toSeconds() + " s reached";
                    quit(process);
                    kill(process);
                    break;
                }
                String over = sandbox.exceeded(spec, process.toHandle());
                if (over != null) {
                    killedFor = over;
                    kill(process);
                    break;
                }
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
            process.waitFor(5, TimeUnit.SECONDS);
            // before the output and the events are read: nothing the JVM started may still write them
            List<String> leftBehind = sandbox.ended(spec);
            pump.join(2000);
            return new Attempt(killedFor, process.isAlive() ? -1 : process.exitValue(), reader.text(), leftBehind);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the test JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running tests", e);
        }
    }

    /** SIGQUIT makes the JVM print a thread dump (with deadlocks) to its stdout. */
    private static void quit(Process process) throws InterruptedException {
        process.descendants().forEach(ph -> signalQuit(ph.pid()));
        signalQuit(process.pid());
        process.waitFor(1500, TimeUnit.MILLISECONDS);
    }

    private static void signalQuit(long pid) {
        try {
            new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).start().waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill(1): no dump, the verdict stands
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The runner's own line on what stopped it: "java.lang.OutOfMemoryError: unable to create native thread: …". */
    static String runnerFailure(String output) {
        String marker = "wirelab runner: the run could not go on: ";
        int at = output.lastIndexOf(marker);
        if (at < 0) {
            return "the runner failed";
        }
        int end = output.indexOf('\n', at);
        return output.substring(at + marker.length(), end < 0 ? output.length() : end).strip();
    }

    static String threadDumpIn(String output) {
        int at = output.lastIndexOf("Full thread dump");
        return at < 0 ? null : output.substring(at);
    }

    static String lastLines(String text, int n) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - n);
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }

    /** How one test JVM ended: what stopped it (null when it ended by itself), its exit code, its output, what it left behind. */
    private record Attempt(String killedFor, int exitCode, String output, List<String> leftBehind) {
    }

    /** Drains a stream, keeping at most {@code limit} bytes and noting when there was more. */
    private static final class CappedReader implements Runnable {
        private final InputStream in;
        private final long limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile boolean overflowed;

        CappedReader(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            long total = 0;
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    total += n;
                    synchronized (kept) {
                        if (kept.size() < limit) {
                            kept.write(buf, 0, (int) Math.min(n, limit - kept.size()));
                        }
                    }
                    if (total > limit) {
                        overflowed = true;
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        }

        /** Whether the stream held more than the limit. */
        boolean overflowed() {
            return overflowed;
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
