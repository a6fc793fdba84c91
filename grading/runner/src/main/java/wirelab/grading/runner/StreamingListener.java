package wirelab.grading.runner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.opentest4j.AssertionFailedError;
import wirelab.testkit.GradedTest;

/**
 * Turns JUnit events into the runner's event lines:
 * {@code plan} (every test with its points), {@code started}, {@code finished}
 * (status passed / failed / aborted / timeout, message, trace, time, output excerpt) and {@code end}.
 * A class that fails before its tests start (a failed static initialiser, a missing method in a
 * field initialiser) fails each of its tests with that reason, so every test gets a verdict.
 * A test the {@link StuckWatch} finds stuck gets its verdict at once ({@link #stuck}).
 */
final class StreamingListener implements TestExecutionListener {

    private static final int TRACE_LINES = 12;
    /** The exit code after a timed-out test: the rest of the run goes on in a fresh JVM. */
    static final int TIMED_OUT_EXIT = 5;

    private final EventWriter out;
    private final OutputCapture capture;
    private final Map<String, Long> startedAt = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private final StuckWatch watch;
    /** Tests whose reads the watch ended ({@link #endReads}): why, and the threads then. */
    private final Map<String, Map<String, Object>> endedReads = new HashMap<>();
    private TestPlan plan;
    /** The test running now, or null. */
    private String running;

    /**
     * For a whole run: ends with the {@code end} event.
     *
     * @param quietSeconds        how long a test's threads may make no progress before it ends as stuck (0: never)
     * @param waitingQuietSeconds how long, when every thread waits for another (at most {@code quietSeconds})
     */
    StreamingListener(EventWriter out, OutputCapture capture, double quietSeconds, double waitingQuietSeconds) {
        this.out = out;
        this.capture = capture;
        this.watch = quietSeconds > 0 ? new StuckWatch(quietSeconds, waitingQuietSeconds, new StuckWatch.Verdict() {
            @Override
            public void stuck(String uid, String status, String why) {
                StreamingListener.this.stuck(uid, status, why);
            }

            @Override
            public boolean endReads(String uid, String why, Set<Long> readers) {
                return StreamingListener.this.endReads(uid, why, readers);
            }
        }) : null;
        if (watch != null) {
            watch.start();
        }
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
        List<Map<String, Object>> tests = new ArrayList<>();
        for (TestIdentifier root : testPlan.getRoots()) {
            for (TestIdentifier t : testPlan.getDescendants(root)) {
                if (!t.isTest()) {
                    continue;
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("uid", t.getUniqueId());
                Optional<GradedTest> graded = GradedTest.of(t);
                entry.put("id", graded.map(GradedTest::id).orElse(t.getLegacyReportingName()));
                entry.put("name", displayName(t));
                entry.put("points", graded.map(GradedTest::points).orElse(0.0));
                entry.put("graded", graded.isPresent());
                entry.put("group", graded.map(GradedTest::group).orElse(""));
                t.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast).ifPresent(ms -> {
                    entry.put("class", ms.getClassName());
                    entry.put("method", ms.getMethodName());
                    entry.put("selector", ms.getClassName() + "#" + ms.getMethodName()
                            + "(" + ms.getMethodParameterTypes() + ")");
                });
                tests.add(entry);
            }
        }
        out.write(event("plan", "tests", tests));
    }

    @Override
    public synchronized void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            capture.reset();
            startedAt.put(test.getUniqueId(), System.nanoTime());
            out.write(event("started", "uid", test.getUniqueId()));
            running = test.getUniqueId();
            if (watch != null) {
                watch.testStarted(running);
            }
        }
    }

    /**
     * The watch found the running test stuck: it gets the verdict it would get at its end (a
     * timeout at its time limit, a failure at its own wait's bound), with the threads, and the
     * run goes on in a fresh JVM, as after any timeout.
     */
    private synchronized void stuck(String uid, String status, String why) {
        if (!uid.equals(running) || reported.contains(uid)) {
            return;
        }
        Map<String, Object> e = event("finished", "uid", uid);
        Long start = startedAt.get(uid);
        e.put("ms", start == null ? 0 : (System.nanoTime() - start) / 1_000_000);
        e.put("status", status);
        e.put("message", why);
        e.put("threads", ThreadDump.now());
        e.put("output", capture.excerpt());
        out.write(e);
        Runtime.getRuntime().halt(TIMED_OUT_EXIT);
    }

    /**
     * The watch found the running test stuck in reads of its own that can only fail at their
     * timeout: they end now, the test fails in its own words, and its verdict says why it came
     * early (see {@link #executionFinished}). Once per test: stuck again, it is ended.
     */
    private synchronized boolean endReads(String uid, String why, Set<Long> readers) {
        if (!uid.equals(running) || reported.contains(uid) || endedReads.containsKey(uid)) {
            return false;
        }
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("message", why);
        note.put("threads", ThreadDump.now());
        endedReads.put(uid, note);
        boolean ended = false;
        for (long reader : readers) {
            ended |= Polls.endRead(reader);
        }
        return ended;
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier test, String reason) {
        for (TestIdentifier t : testsUnder(test)) {
            if (reported.add(t.getUniqueId())) {
                Map<String, Object> e = event("finished", "uid", t.getUniqueId());
                e.put("status", "skipped");
                e.put("message", reason);
                out.write(e);
            }
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            running = null;
            if (watch != null) {
                watch.testFinished();
            }
            reported.add(test.getUniqueId());
            Map<String, Object> e = finished(test, result);
            Map<String, Object> early = endedReads.remove(test.getUniqueId());
            if (early != null && !"passed".equals(e.get("status"))) {
                e.put("message", early.get("message") + " At the timeout, the test would have failed so: " + e.get("message"));
                e.put("threads", early.get("threads"));
            }
            out.write(e);
            if ("timeout".equals(e.get("status"))) {
                // The timed-out code may still be spinning in threads no one can stop: left running, they
                // would take the CPU from the tests after it, which then time out too (more so on a busy
                // machine). The verdict is written; the harness runs the rest in a fresh JVM.
                Runtime.getRuntime().halt(TIMED_OUT_EXIT);
            }
            return;
        }
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            // The container failed (e.g. @BeforeAll or class initialisation): its unstarted tests fail with it.
            for (TestIdentifier t : testsUnder(test)) {
                if (reported.add(t.getUniqueId())) {
                    Map<String, Object> e = finished(t, result);
                    e.put("message", "could not run because " + displayName(test) + " failed first: " + e.get("message"));
                    out.write(e);
                }
            }
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        out.write(event("end", "tests", reported.size()));
    }

    private Map<String, Object> finished(TestIdentifier test, TestExecutionResult result) {
        Map<String, Object> e = event("finished", "uid", test.getUniqueId());
        Long start = startedAt.get(test.getUniqueId());
        e.put("ms", start == null ? 0 : (System.nanoTime() - start) / 1_000_000);
        Throwable failure = result.getThrowable().orElse(null);
        String status = switch (result.getStatus()) {
            case SUCCESSFUL -> "passed";
            case ABORTED -> "skipped";
            case FAILED -> isTimeout(failure) ? "timeout" : "failed";
        };
        e.put("status", status);
        if (failure != null) {
            e.put("message", message(failure));
            e.put("exception", failure.getClass().getName());
            if (failure instanceof AssertionFailedError afe && afe.isExpectedDefined() && afe.isActualDefined()) {
                e.put("expected", String.valueOf(afe.getExpected().getStringRepresentation()));
                e.put("actual", String.valueOf(afe.getActual().getStringRepresentation()));
            }
            e.put("trace", trace(failure));
        }
        if ("timeout".equals(status)) {
            e.put("threads", ThreadDump.now());
        }
        e.put("output", capture.excerpt());
        return e;
    }

    private List<TestIdentifier> testsUnder(TestIdentifier node) {
        if (node.isTest()) {
            return List.of(node);
        }
        if (plan == null) {
            return List.of();
        }
        return plan.getDescendants(node).stream().filter(TestIdentifier::isTest).toList();
    }

    private String displayName(TestIdentifier t) {
        String name = t.getDisplayName();
        if (plan != null) {
            Optional<TestIdentifier> parent = plan.getParent(t);
            // parameterized and repeated invocations read "method name › [1] args"
            if (parent.isPresent() && parent.get().getSource().equals(t.getSource())) {
                name = parent.get().getDisplayName() + " › " + name;
            }
        }
        return name;
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException
                    || String.valueOf(t.getMessage()).contains("timed out after")) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable failure) {
        if (failure instanceof AssertionError && failure.getMessage() != null) {
            return failure.getMessage();
        }
        String text = failure.toString();
        if (failure.getCause() != null && failure.getCause() != failure) {
            text += " (caused by " + failure.getCause() + ")";
        }
        return text;
    }

    /** The frames that matter to a student: theirs and the test's, not JUnit's or reflection's. */
    static String trace(Throwable failure) {
        StringBuilder sb = new StringBuilder(failure.toString()).append('\n');
        int lines = 0;
        for (StackTraceElement frame : failure.getStackTrace()) {
            String cls = frame.getClassName();
            if (cls.startsWith("org.junit.") || cls.startsWith("org.opentest4j.") || cls.startsWith("jdk.internal.")
                    || cls.startsWith("java.lang.reflect.") || cls.startsWith("sun.reflect.")
                    || cls.startsWith("wirelab.grading.runner.")) {
                continue;
            }
            if (lines++ == TRACE_LINES) {
                sb.append("\t...\n");
                break;
            }
            sb.append("\tat ").append(frame).append('\n');
        }
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure) {
            sb.append("Caused by: ").append(cause).append('\n');
        }
        return sb.toString();
    }

    private static Map<String, Object> event(String type, String key, Object value) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        e.put(key, value);
        return e;
    }
}
