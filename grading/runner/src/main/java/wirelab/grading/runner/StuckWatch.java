package wirelab.grading.runner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Ends a test that can no longer finish, without waiting out its time limit. Every so often it
 * looks at the running test's threads ({@link ThreadSnapshot}); {@link Stillness} reads the looks
 * and says when the test is stuck: for a quiet period, no thread could move on by itself (none
 * runnable, none in a timed wait, a sleep or I/O that can still end) and nothing changed.
 *
 * <p>What this cannot see it leaves to the time limit, never the other way round: a timed wait is
 * progress even when it will only time out and loop (the test's own bound ends such a test), I/O
 * is progress (a call waiting for another JVM or a child process), unless the kernel shows a
 * socket wait that nothing can end ({@link SocketWaits}), and so is a thread whose stack moved
 * between two looks.
 */
final class StuckWatch implements Runnable {

    /** Told once, from the watch's thread, which test is stuck, its verdict and why. */
    interface Verdict {
        void stuck(String uid, String status, String why);

        /**
         * The test is stuck in reads of its own whose timeouts fail it ({@code readers}): end them
         * now, so that it fails as it would have at the timeout. False when none could be ended
         * (then {@link #stuck} ends the test).
         */
        boolean endReads(String uid, String why, Set<Long> readers);
    }

    private static final long PERIOD_MILLIS = 200;
    private static final int STACK_DEPTH = 64;

    private final long quietNanos;
    private long waitingQuietNanos;
    private final Verdict verdict;
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final SocketWaits sockets = new SocketWaits();
    private volatile Running running;
    private volatile Thread thread;

    /** The test now running and the launcher's thread. */
    private record Running(String uid, long launcher) {
    }

    /**
     * @param quietSeconds        how long threads must spin at one place, or all wait, before the test is stuck
     * @param waitingQuietSeconds how long every thread must wait for another (at most {@code quietSeconds})
     */
    StuckWatch(double quietSeconds, double waitingQuietSeconds, Verdict verdict) {
        this.quietNanos = (long) (quietSeconds * 1e9);
        this.waitingQuietNanos = (long) (Math.min(quietSeconds, waitingQuietSeconds) * 1e9);
        this.verdict = verdict;
    }

    /** Starts watching, on a daemon thread of its own. */
    void start() {
        Thread t = new Thread(this, "wirelab-stuck-watch");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        thread = t;
        t.start();
    }

    void testStarted(String uid) {
        running = new Running(uid, Thread.currentThread().getId());
    }

    void testFinished() {
        running = null;
    }

    @Override
    public void run() {
        Running watched = null;
        Stillness looks = null;
        while (true) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Running test = running;
            if (test == null) {
                watched = null;
                continue;
            }
            if (test != watched) {
                watched = test;
                looks = new Stillness(quietNanos, waitingQuietNanos);
            }
            Stillness.Stuck stuck = looks.next(look(test));
            if (stuck != null) {
                if (stuck.readers().isEmpty() || !verdict.endReads(test.uid(), stuck.why(), stuck.readers())) {
                    verdict.stuck(test.uid(), stuck.status(), stuck.why());
                }
                // the code under test loses wake-ups or answers: as after a hung test in an earlier JVM
                // (see the grader's TestJvm), a test whose every thread waits ends after a quarter of the period
                waitingQuietNanos = Math.min(waitingQuietNanos, quietNanos / 4);
                watched = null;
            }
        }
    }

    private Stillness.Look look(Running test) {
        long started = mx.getTotalStartedThreadCount();
        ThreadSnapshot threads = ThreadSnapshot.of(mx.dumpAllThreads(false, false, STACK_DEPTH), test.launcher(),
                Set.of(thread.getId()));
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadSnapshot.Entry e : threads.spinning()) {
            cpu.put(e.id(), mx.getThreadCpuTime(e.id()));
        }
        // the kernel is asked only when nothing else moves: then a thread on a socket decides
        Set<Long> asleep = threads.spinning().isEmpty() && !threads.reading().isEmpty() && threads.threads().values().stream()
                .noneMatch(e -> e.kind() == ThreadSnapshot.Kind.MOVING) ? sockets.asleep(threads.reading()) : Set.of();
        return new Stillness.Look(threads, System.nanoTime(), started, cpu, asleep);
    }
}
