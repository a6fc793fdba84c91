package wirelab.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts N threads at the same instant, so their work overlaps instead of running one after
 * another, then waits for all of them (bounded). The first failure ends the wait and is rethrown:
 * it is the verdict, and the other workers may be stuck behind the same bug.
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
        // opens when every worker is done, or at the first failure: that one is the verdict
        CountDownLatch over = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger(threads);
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
                    if (failure.compareAndSet(null, e)) {
                        over.countDown();
                    }
                } finally {
                    if (running.decrementAndGet() == 0) {
                        over.countDown();
                    }
                }
            }, "worker-" + i);
            t.setDaemon(true);
            started.add(t);
            t.start();
        }
        try {
            ready.await();
            go.countDown();
            if (!over.await(atMost.toNanos(), TimeUnit.NANOSECONDS)) {
                Thread stuck = started.stream().filter(Thread::isAlive).findFirst().orElse(started.get(0));
                StringBuilder where = new StringBuilder();
                for (StackTraceElement frame : stuck.getStackTrace()) {
                    if (where.length() < 1200) {
                        where.append("\n\tat ").append(frame);
                    }
                }
                // a TimeoutException as the cause: the grader reports a timeout (with a thread dump) and
                // runs the next tests in a fresh JVM, away from the stuck threads
                throw new AssertionError(stuck.getName() + " was still running after " + atMost.toSeconds()
                        + " s: is it stuck waiting for a lock or a condition that never comes? It was at:" + where
                        + "\n" + Deadlocks.report().orElse(""), new java.util.concurrent.TimeoutException(
                                stuck.getName() + " did not finish within " + atMost.toSeconds() + " s"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the workers", e);
        }
        Throwable first = failure.get();
        if (first == null) {
            return;
        }
        // The verdict is in: the others need not go on, but get a moment to end, so they do not
        // disturb the next test (a counting loop ends by itself, a blocked client on interrupt).
        started.forEach(Thread::interrupt);
        long grace = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (Thread t : started) {
            try {
                t.join(Math.max(1, (grace - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (first instanceof Error error) {
            throw error;
        }
        throw new AssertionError("a worker thread threw " + first, first);
    }
}
