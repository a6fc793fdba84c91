package wirelab.threads.workers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.awaitility.core.ConditionTimeoutException;
import wirelab.testkit.Waits;

/**
 * Test helper: an output where chosen workers stop at their first line until the test lets them
 * go. With worker k held and the others finished, a runAll that joins every worker must be
 * waiting in join(); one that skipped worker k has already returned. No timing is involved: the
 * test looks at where the calling thread is, not at how long it took (only a join() with a
 * timeout is watched for a while, {@link #TIMED_JOIN_HOLD}, to see that it does not give up).
 */
final class HeldWorkers implements Consumer<String> {

    /** What runAll is; the test passes RunThreads::runAll or RunThreads2::runAll. */
    @FunctionalInterface
    interface RunAll {
        List<Thread> runAll(int n, Consumer<String> out) throws InterruptedException;
    }

    /**
     * How long the test keeps a worker held while runAll sits in a join() with a timeout: a runAll
     * that joins in a loop until the worker ends waits all along; one that gives up after its
     * timeout returns meanwhile. Only code that uses a timed join() waits for it.
     */
    static final Duration TIMED_JOIN_HOLD = Duration.ofSeconds(3);

    private final Map<Integer, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Map<Integer, Thread> printers = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> lines = new ConcurrentHashMap<>();

    HeldWorkers(int... held) {
        for (int id : held) {
            gates.put(id, new CountDownLatch(1));
        }
    }

    @Override
    public void accept(String line) {
        int id = Integer.parseInt(line.substring("Thread".length(), line.indexOf(':')));
        printers.putIfAbsent(id, Thread.currentThread());
        lines.merge(id, 1, Integer::sum);
        CountDownLatch gate = gates.get(id);
        if (gate != null) {
            try {
                gate.await(10, TimeUnit.SECONDS);   // bounded: a held worker never outlives the test by much
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void release(int id) {
        gates.get(id).countDown();
    }

    void releaseAll() {
        gates.values().forEach(CountDownLatch::countDown);
    }

    boolean finished(int id) {
        Thread t = printers.get(id);
        return t != null && !t.isAlive() && lines.getOrDefault(id, 0) == 10;
    }

    boolean atGate(int id) {
        Thread t = printers.get(id);
        return t != null && (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING);
    }

    /** runAll running on its own thread ("the caller"): what it returned or threw, once it ends. */
    static final class Caller {
        final Thread thread;
        final AtomicReference<Object> outcome = new AtomicReference<>();
        volatile boolean interruptedOnReturn;

        Caller(String name, RunAll runAll, int n, Consumer<String> out) {
            thread = new Thread(() -> {
                try {
                    List<Thread> started = runAll.runAll(n, out);
                    interruptedOnReturn = Thread.currentThread().isInterrupted();
                    outcome.set(started == null ? new ArrayList<Thread>() : started);
                } catch (Throwable e) {
                    outcome.set(e);
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        boolean returned() {
            return !thread.isAlive();
        }

        /** True while the caller sits in Thread.join() (waiting for a worker). */
        boolean inJoin() {
            Thread.State state = thread.getState();
            if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
                return false;
            }
            for (StackTraceElement frame : thread.getStackTrace()) {
                if (frame.getClassName().equals(Thread.class.getName()) && frame.getMethodName().equals("join")) {
                    return true;
                }
            }
            return false;
        }

        void awaitEnd(String what) {
            Waits.await(what, Duration.ofSeconds(10)).until(this::returned);
        }
    }

    /**
     * Holds worker {@code held} of {@code n}, lets the others finish, and returns null if runAll is
     * then waiting in join(), or a sentence for the student if it returned or went on without it.
     */
    static String checkJoinsWorker(String name, RunAll runAll, int n, int held) {
        HeldWorkers out = new HeldWorkers(held);
        Caller caller = new Caller(name + ".runAll", runAll, n, out);
        try {
            Waits.await(name + ".runAll(" + n + ", …) to start worker " + held + " and finish the others",
                    Duration.ofSeconds(10)).until(() -> caller.returned() || out.atGate(held) && othersFinished(out, n, held));
            Waits.await(name + ".runAll to wait in join() or return", Duration.ofSeconds(10))
                    .until(() -> caller.returned() || caller.inJoin());
            if (!caller.returned() && caller.thread.getState() == Thread.State.TIMED_WAITING) {
                // a join with a timeout: it must go on waiting while the worker still runs
                try {
                    Waits.await(name + ".runAll to keep waiting while worker " + held + " is held",
                            TIMED_JOIN_HOLD.plusSeconds(1)).during(TIMED_JOIN_HOLD).until(() -> !caller.returned());
                } catch (ConditionTimeoutException returnedMeanwhile) {
                    return name + ".runAll(" + n + ", …) was in a join() with a timeout and returned while worker " + held
                            + " was still running (the test held it at its first line for " + TIMED_JOIN_HOLD.toSeconds()
                            + " s). A worker may run longer than any timeout you pick: join() without a timeout, so that"
                            + " runAll returns only when every worker has finished.";
                }
            }
            if (caller.returned()) {
                Object outcome = caller.outcome.get();
                if (outcome instanceof Throwable e) {
                    return name + ".runAll(" + n + ", …) threw " + e;
                }
                return name + ".runAll(" + n + ", …) returned while worker " + held + " was still running (the test"
                        + " held it at its first line; the other workers had finished). Join EVERY thread you"
                        + " started before returning: all " + n + " of them, not only some.";
            }
            return null;
        } finally {
            out.releaseAll();
        }
    }

    private static boolean othersFinished(HeldWorkers out, int n, int held) {
        for (int id = 1; id <= n; id++) {
            if (id != held && !out.finished(id)) {
                return false;
            }
        }
        return true;
    }
}
