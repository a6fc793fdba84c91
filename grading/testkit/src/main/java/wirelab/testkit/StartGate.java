package wirelab.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts N threads at the same instant, so their work overlaps instead of running one after
 * another, then waits for all of them (bounded) and rethrows the first failure.
 *
 * <pre>{@code
 * StartGate.run(4, worker -> { for (int i = 0; i < 100_000; i++) counter.increment(); });
 * }</pre>
 */
public final class StartGate {

    /** What each of the N threads runs; {@code worker} is 0..N-1. */
    @FunctionalInterface
    public interface Worker {
        void run(int worker) throws Exception;
    }

    private StartGate() {
    }

    /** Runs {@code body} on {@code threads} threads released together; waits at most 30 s. */
    public static void run(int threads, Worker body) {
        run(threads, Duration.ofSeconds(30), body);
    }

    public static void run(int threads, Duration atMost, Worker body) {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int worker = i;
            Thread t = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    body.run(worker);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "worker-" + i);
            t.setDaemon(true);
            started.add(t);
            t.start();
        }
        try {
            ready.await();
            go.countDown();
            long deadline = System.nanoTime() + atMost.toNanos();
            for (Thread t : started) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                t.join(left);
                if (t.isAlive()) {
                    throw new AssertionError(t.getName() + " was still running after " + atMost.toSeconds()
                            + " s: is it stuck waiting for a lock or a condition that never comes?\n"
                            + Deadlocks.report().orElse(""));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the workers", e);
        }
        Throwable first = failure.get();
        if (first instanceof Error error) {
            throw error;
        }
        if (first != null) {
            throw new AssertionError("a worker thread threw " + first, first);
        }
    }
}
