package wirelab.threads.bank;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import wirelab.testkit.Deadlocks;
import wirelab.testkit.Waits;

/** Test helper: runs transfer threads and fails, in bounded time, with a deadlock report. */
final class Transfers {

    /** One thread's work: its name and what it does. */
    record Job(String name, Runnable body) {
    }

    private Transfers() {
    }

    /** Runs the jobs on their own daemon threads; fails if they deadlock or take longer than {@code atMost}. */
    static void runAll(Duration atMost, Job... jobs) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (Job job : jobs) {
            Thread t = new Thread(() -> {
                try {
                    job.body().run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, job.name());
            t.setDaemon(true);   // a deadlocked thread must not keep the JVM alive
            threads.add(t);
        }
        threads.forEach(Thread::start);
        try {
            Waits.await("the transfers to finish", atMost)
                    .until(() -> threads.stream().noneMatch(Thread::isAlive) || deadlocked(threads));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the transfers did not finish within " + atMost.toSeconds() + " s.\n"
                    + Deadlocks.report().orElse("No deadlock was found: are they stuck in a loop?"));
        }
        if (deadlocked(threads)) {
            throw new AssertionError("the transfers DEADLOCKED: each thread holds one account's lock and waits"
                    + " forever for the other's. Lock the two accounts in one fixed order (smaller id first).\n"
                    + Deadlocks.report().orElse(""));
        }
        Throwable first = failure.get();
        if (first instanceof Error error) {
            throw error;
        }
        if (first != null) {
            throw new AssertionError("a transfer thread threw " + first, first);
        }
    }

    /** True if one of our threads is in a deadlock (other tests' old deadlocks do not count). */
    static boolean deadlocked(List<Thread> threads) {
        long[] ids = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        if (ids == null) {
            return false;
        }
        return threads.stream().anyMatch(t -> Arrays.stream(ids).anyMatch(id -> id == t.getId()));
    }
}
