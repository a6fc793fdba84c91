package wirelab.threads.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Points;
import wirelab.testkit.StartGate;
import wirelab.testkit.Waits;

/** Hidden: the workers really run at the same time (start all, THEN join all). */
@TestMethodOrder(MethodOrderer.MethodName.class)
class WorkersHiddenTest {

    /** The first line of each worker waits until all n workers have printed theirs: only works if all run at once. */
    static final class Rendezvous implements Consumer<String> {
        final CyclicBarrier barrier;
        final AtomicReference<String> problem = new AtomicReference<>();
        final ThreadLocal<Boolean> arrived = ThreadLocal.withInitial(() -> false);

        Rendezvous(int n) {
            barrier = new CyclicBarrier(n);
        }

        @Override
        public void accept(String line) {
            if (arrived.get()) {
                return;
            }
            arrived.set(true);
            try {
                barrier.await(3, TimeUnit.SECONDS);
            } catch (TimeoutException | BrokenBarrierException e) {
                problem.compareAndSet(null, "the workers did not run at the same time: the first one waited 3 s"
                        + " for the others to start. Start ALL threads first, then join them all (a join right"
                        + " after each start runs them one by one).");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    @Points(value = 2, group = "workers")
    @DisplayName("RunThreads.runAll runs all its threads at the same time, not one after another")
    void test01_runThreadsConcurrently() throws InterruptedException {
        Rendezvous out = new Rendezvous(4);
        List<Thread> threads = RunThreads.runAll(4, out);
        assertNotNull(threads, "runAll must return the threads it started");
        assertEquals(null, out.problem.get());
    }

    @Test
    @Points(value = 2, group = "workers")
    @DisplayName("RunThreads2.runAll runs all its threads at the same time, not one after another")
    void test02_runThreads2Concurrently() throws InterruptedException {
        Rendezvous out = new Rendezvous(4);
        List<Thread> threads = RunThreads2.runAll(4, out);
        assertNotNull(threads, "runAll must return the threads it started");
        assertEquals(null, out.problem.get());
    }

    @Test
    @Points(value = 1, group = "workers")
    @DisplayName("runAll(0, …) starts no thread and returns an empty list")
    void test03_noWorkers() {
        List<Thread> threads = runAllOfNone(RunThreads::runAll);
        assertNotNull(threads, "RunThreads.runAll(0, …) returned null instead of an empty list");
        assertTrue(threads.isEmpty(), "RunThreads.runAll(0, …) should start no thread, got " + threads);
        List<Thread> threads2 = runAllOfNone(RunThreads2::runAll);
        assertNotNull(threads2, "RunThreads2.runAll(0, …) returned null instead of an empty list");
        assertTrue(threads2.isEmpty(), "RunThreads2.runAll(0, …) should start no thread, got " + threads2);
    }

    /**
     * runAll(0, …) on a thread of its own, waited for with a bound: a loop whose condition is turned
     * round starts threads for ever, and that is a timeout in seconds, not at the test's time limit.
     */
    private static List<Thread> runAllOfNone(HeldWorkers.RunAll runAll) {
        AtomicReference<List<Thread>> returned = new AtomicReference<>();
        StartGate.run(1, Duration.ofSeconds(10), worker -> returned.set(runAll.runAll(0, line -> { })));
        return returned.get();
    }

    /** Interrupts runAll while it waits in join(); it must not carry on as if nothing happened. */
    static void assertAnswersInterrupt(String name, HeldWorkers.RunAll runAll) {
        HeldWorkers out = new HeldWorkers(1, 2, 3);
        HeldWorkers.Caller caller = new HeldWorkers.Caller(name + ".runAll", runAll, 3, out);
        try {
            Waits.await(name + ".runAll(3, …) to wait in join() for its held workers", Duration.ofSeconds(10))
                    .until(() -> caller.returned() || caller.inJoin());
            caller.thread.interrupt();
        } finally {
            out.releaseAll();
        }
        caller.awaitEnd(name + ".runAll to end after its thread was interrupted and the workers were let go");
        Object outcome = caller.outcome.get();
        if (outcome instanceof InterruptedException) {
            return;                      // passed on: the caller decides
        }
        if (outcome instanceof Throwable e) {
            throw new AssertionError(name + ".runAll threw " + e + " after its thread was interrupted in join()", e);
        }
        assertTrue(caller.interruptedOnReturn, "the test interrupted the thread running " + name + ".runAll while"
                + " it waited in join(); runAll caught the InterruptedException and went on, and returned with the"
                + " thread's interrupt flag cleared: the interrupt was lost. Let the InterruptedException out"
                + " (runAll declares it), or call Thread.currentThread().interrupt() in the catch.");
    }

    @Test
    @Points(value = 1, group = "workers")
    @DisplayName("RunThreads.runAll, interrupted in join(), throws InterruptedException or keeps the interrupt flag")
    void test04_runThreadsKeepsInterrupt() {
        assertAnswersInterrupt("RunThreads", RunThreads::runAll);
    }

    @Test
    @Points(value = 1, group = "workers")
    @DisplayName("RunThreads2.runAll, interrupted in join(), throws InterruptedException or keeps the interrupt flag")
    void test05_runThreads2KeepsInterrupt() {
        assertAnswersInterrupt("RunThreads2", RunThreads2::runAll);
    }
}
