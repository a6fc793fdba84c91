package wirelab.threads.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Points;

/** Exercise 1: threads as {@code extends Thread} and as {@code Runnable}, started and joined. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class WorkersTest {

    /** Collects printed lines and which threads printed them; each line takes ~0.2 ms, like a terminal. */
    static final class Output implements Consumer<String> {
        final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        final Set<Thread> printers = ConcurrentHashMap.newKeySet();

        @Override
        public void accept(String line) {
            printers.add(Thread.currentThread());
            lines.add(line);
            LockSupport.parkNanos(200_000);
        }

        List<String> linesOf(int id) {
            synchronized (lines) {
                return lines.stream().filter(l -> l.startsWith("Thread" + id + ":")).collect(Collectors.toList());
            }
        }
    }

    static List<String> expectedLines(int id) {
        return IntStream.rangeClosed(1, 10).mapToObj(i -> "Thread" + id + ": " + i).collect(Collectors.toList());
    }

    @Test
    @Points(value = 2, group = "workers")
    @DisplayName("SomeThread prints \"Thread<id>: 1\" to \"Thread<id>: 10\" in order when started")
    void test01_someThreadPrintsTenLines() throws InterruptedException {
        Output out = new Output();
        Thread t = new SomeThread(7, out);
        t.start();
        t.join(5_000);
        assertFalse(t.isAlive(), "SomeThread 7 was still running after 5 s: does run() end?");
        assertEquals(expectedLines(7), out.lines, "what SomeThread 7 printed");
    }

    @Test
    @Points(value = 1, group = "workers")
    @DisplayName("RunThreads.runAll starts every SomeThread and returns only when all have finished")
    void test02_runThreadsJoinsAll() throws InterruptedException {
        // first without luck: a worker left unjoined has often finished anyway when runAll returns
        assertJoinsEveryWorker("RunThreads", RunThreads::runAll);
        Output out = new Output();
        List<Thread> threads = RunThreads.runAll(3, out);
        assertNotNull(threads, "runAll must return the threads it started");
        assertEquals(3, threads.size(), "runAll(3, …) should start 3 threads");
        for (Thread t : threads) {
            assertTrue(t instanceof SomeThread, "runAll should start SomeThreads, got " + t.getClass().getName());
            assertEquals(Thread.State.TERMINATED, t.getState(), t.getName()
                    + " was still running when runAll returned: join() every thread before returning");
        }
        for (int id = 1; id <= 3; id++) {
            assertEquals(expectedLines(id), out.linesOf(id), "the lines of SomeThread " + id + ", in order");
        }
    }

    @Test
    @Points(value = 1, group = "workers")
    @DisplayName("RunThreads.runAll runs each SomeThread on its own thread (start(), not run())")
    void test03_runThreadsUsesNewThreads() throws InterruptedException {
        Output out = new Output();
        RunThreads.runAll(3, out);
        assertFalse(out.printers.contains(Thread.currentThread()), "the lines were printed by the thread that "
                + "called runAll: calling run() runs the code right here; start() runs it on a new thread");
        assertEquals(3, out.printers.size(), "3 workers should print from 3 different threads");
    }

    @Test
    @Points(value = 1, group = "workers")
    @DisplayName("SomeThread2 (a Runnable) prints its ten lines when a Thread runs it")
    void test04_someThread2PrintsTenLines() throws InterruptedException {
        Output out = new Output();
        Thread t = new Thread(new SomeThread2(4, out));
        t.start();
        t.join(5_000);
        assertFalse(t.isAlive(), "SomeThread2 4 was still running after 5 s: does run() end?");
        assertEquals(expectedLines(4), out.lines, "what SomeThread2 4 printed");
    }

    @Test
    @Points(value = 1, group = "workers")
    @DisplayName("RunThreads2.runAll runs every SomeThread2 on a new Thread and joins them all")
    void test05_runThreads2JoinsAll() throws InterruptedException {
        // first without luck: a worker left unjoined has often finished anyway when runAll returns
        assertJoinsEveryWorker("RunThreads2", RunThreads2::runAll);
        Output out = new Output();
        List<Thread> threads = RunThreads2.runAll(3, out);
        assertNotNull(threads, "runAll must return the threads it started");
        assertEquals(3, threads.size(), "runAll(3, …) should start 3 threads");
        for (Thread t : threads) {
            assertEquals(Thread.State.TERMINATED, t.getState(), t.getName()
                    + " was still running when runAll returned: join() every thread before returning");
        }
        for (int id = 1; id <= 3; id++) {
            assertEquals(expectedLines(id), out.linesOf(id), "the lines of SomeThread2 " + id + ", in order");
        }
        assertFalse(out.printers.contains(Thread.currentThread()), "the lines were printed by the thread that "
                + "called runAll: give each SomeThread2 to a new Thread and start() it");
        assertEquals(3, out.printers.size(), "3 workers should print from 3 different threads");
    }

    static void assertJoinsEveryWorker(String name, HeldWorkers.RunAll runAll) {
        for (int held = 1; held <= 3; held++) {
            String problem = HeldWorkers.checkJoinsWorker(name, runAll, 3, held);
            if (problem != null) {
                throw new AssertionError(problem);
            }
        }
    }

    @Test
    @Points(value = 1, group = "workers")
    @DisplayName("RunThreads.runAll waits for each of its workers: holding any one of them keeps it in join()")
    void test06_runThreadsWaitsForEachWorker() {
        assertJoinsEveryWorker("RunThreads", RunThreads::runAll);
    }

    @Test
    @Points(value = 1, group = "workers")
    @DisplayName("RunThreads2.runAll waits for each of its workers: holding any one of them keeps it in join()")
    void test07_runThreads2WaitsForEachWorker() {
        assertJoinsEveryWorker("RunThreads2", RunThreads2::runAll);
    }
}
