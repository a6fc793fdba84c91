package wirelab.grading.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Looks made up frame by frame, as the JVM reports them, fed to {@link Stillness} five a second
 * (as {@link StuckWatch} takes them): which ones end as stuck, and which look-alikes never do.
 */
class StillnessTest {

    private static final long PERIOD = 200_000_000L;
    private static final long QUIET = 2_000_000_000L;
    private static final long TEST = 1;

    private static StackTraceElement frame(String cls, String method, int line) {
        return new StackTraceElement(cls, method, cls.substring(cls.lastIndexOf('.') + 1) + ".java", line);
    }

    private static StackTraceElement nativeFrame(String cls, String method) {
        return new StackTraceElement(cls, method, null, -2);
    }

    private static StackTraceElement[] stack(StackTraceElement... frames) {
        return frames;
    }

    /** Below every frame of the test's thread: the test method, called by JUnit. */
    private static StackTraceElement[] onTestThread(StackTraceElement... top) {
        List<StackTraceElement> frames = new ArrayList<>(List.of(top));
        frames.add(frame("wirelab.threads.workers.WorkersHiddenTest", "test03_noWorkers", 79));
        frames.add(frame("org.junit.platform.commons.util.ReflectionUtils", "invokeMethod", 728));
        frames.add(frame("java.lang.Thread", "run", 840));
        return frames.toArray(StackTraceElement[]::new);
    }

    /** Where a loop that starts a SomeThread for ever is, look after look: starting one, building the next, keeping it. */
    private static final List<StackTraceElement[]> STARTING_LOOP = List.of(
            onTestThread(nativeFrame("java.lang.Thread", "start0"), frame("java.lang.Thread", "start", 809),
                    frame("wirelab.threads.workers.RunThreads", "runAll", 25)),
            onTestThread(frame("java.lang.Thread", "<init>", 396), frame("wirelab.threads.workers.SomeThread", "<init>", 19),
                    frame("wirelab.threads.workers.RunThreads", "runAll", 24)),
            onTestThread(nativeFrame("java.lang.Thread", "start0"), frame("java.lang.Thread", "start", 809),
                    frame("wirelab.threads.workers.RunThreads", "runAll", 25)),
            onTestThread(frame("java.util.ArrayList", "add", 467), frame("wirelab.threads.workers.RunThreads", "runAll", 26)),
            onTestThread(frame("wirelab.threads.workers.RunThreads", "runAll", 23)));

    /** The status of the last verdict {@link #watch} gave. */
    private static String lastStatus;

    /** Feeds looks until a verdict or {@code seconds} have passed; why it is stuck, or null. */
    private static String watch(Stillness stillness, double seconds, Scene scene) {
        for (int i = 0; i * PERIOD <= seconds * 1e9; i++) {
            List<ThreadSnapshot.Seen> seen = new ArrayList<>();
            scene.at(i, seen);
            Map<Long, Long> cpu = new HashMap<>();
            ThreadSnapshot threads = ThreadSnapshot.of(seen, -1);
            for (ThreadSnapshot.Entry e : threads.spinning()) {
                cpu.put(e.id(), i * PERIOD);   // each spinner burns a whole core
            }
            Stillness.Stuck stuck = stillness.next(new Stillness.Look(threads, i * PERIOD, scene.started(i), cpu));
            if (stuck != null) {
                lastStatus = stuck.status();
                return stuck.why();
            }
        }
        return null;
    }

    /** What the threads do at look {@code i}. */
    private interface Scene {
        void at(int i, List<ThreadSnapshot.Seen> seen);

        /** How many threads the JVM has started by look {@code i}: none after the test began, unless said. */
        default long started(int i) {
            return 10;
        }
    }

    private static ThreadSnapshot.Seen testThread(Thread.State state, StackTraceElement[] stack) {
        return new ThreadSnapshot.Seen(TEST, "junit-timeout-thread-1", state, null, stack);
    }

    /** A thread that lives for one look only, as those a loop starts and that end at once. */
    private static ThreadSnapshot.Seen shortLived(int i) {
        return new ThreadSnapshot.Seen(1000 + i, "SomeThread-" + i, Thread.State.RUNNABLE, null,
                stack(frame("wirelab.threads.workers.SomeThread", "run", 30), frame("java.lang.Thread", "run", 840)));
    }

    @Test
    @DisplayName("A loop that starts short-lived threads for ever is stuck, though it is in another call at each look")
    void threadStartingLoop() {
        String why = watch(new Stillness(QUIET, QUIET), 10, new Scene() {
            @Override
            public void at(int i, List<ThreadSnapshot.Seen> seen) {
                seen.add(testThread(Thread.State.RUNNABLE, STARTING_LOOP.get(i % STARTING_LOOP.size())));
                seen.add(shortLived(i));
            }

            @Override
            public long started(int i) {
                return 10 + 2_000L * i;
            }
        });
        assertNotNull(why, "a loop starting threads for ever was never found stuck");
        assertEquals("timeout", lastStatus);
        assertTrue(why.startsWith("stuck: ") && why.contains("RunThreads.runAll"), why);
    }

    /** The test's thread as given, beside a chain of threads each starting the next, a new one at each look. */
    private static Scene besideAChain(ThreadSnapshot.Seen test) {
        return new Scene() {
            @Override
            public void at(int i, List<ThreadSnapshot.Seen> seen) {
                seen.add(test);
                seen.add(new ThreadSnapshot.Seen(1000 + i, "link-" + i, Thread.State.RUNNABLE, null, stack(
                        nativeFrame("java.lang.Thread", "start0"), frame("java.lang.Thread", "start", 809),
                        frame("wirelab.x.Chain", "next", 12), frame("java.lang.Thread", "run", 840))));
            }

            @Override
            public long started(int i) {
                return 10 + 500L * i;
            }
        };
    }

    @Test
    @DisplayName("A chain of short-lived threads, each starting the next, is progress while the test waits for its end")
    void chainOfThreads() {
        assertNull(watch(new Stillness(QUIET, QUIET), 10, besideAChain(testThread(Thread.State.WAITING,
                onTestThread(nativeFrame("jdk.internal.misc.Unsafe", "park"), frame("java.util.concurrent.CountDownLatch", "await", 230))))));
    }

    @Test
    @DisplayName("A busy-wait for a chain of short-lived threads is not stuck: no thread it watches is seen starting them")
    void spinnerBesideAChain() {
        assertNull(watch(new Stillness(QUIET, QUIET), 10, besideAChain(testThread(Thread.State.RUNNABLE,
                onTestThread(nativeFrame("java.lang.Thread", "onSpinWait"), frame("wirelab.x.Chain", "awaitEnd", 40))))));
    }

    @Test
    @DisplayName("Threads a loop starts that live from one look to the next are a change: they may be doing the work")
    void startedThreadsThatLive() {
        assertNull(watch(new Stillness(QUIET, QUIET), 10, new Scene() {
            @Override
            public void at(int i, List<ThreadSnapshot.Seen> seen) {
                seen.add(testThread(Thread.State.RUNNABLE, STARTING_LOOP.get(i % STARTING_LOOP.size())));
                seen.add(shortLived(i));
                seen.add(shortLived(i - 1));   // each seen at two looks
            }

            @Override
            public long started(int i) {
                return 10 + i;
            }
        }));
    }

    @Test
    @DisplayName("A loop whose stack moves in the JDK's code, starting no thread, is progress")
    void loopInTheJdk() {
        List<StackTraceElement[]> places = List.of(
                onTestThread(frame("java.lang.AbstractStringBuilder", "append", 582), frame("wirelab.x.Worker", "run", 14)),
                onTestThread(frame("java.lang.Long", "toHexString", 250), frame("wirelab.x.Worker", "run", 14)),
                onTestThread(frame("java.lang.String", "hashCode", 1503), frame("wirelab.x.Worker", "run", 15)));
        assertNull(watch(new Stillness(QUIET, QUIET), 10,
                (i, seen) -> seen.add(testThread(Thread.State.RUNNABLE, places.get(i % places.size())))));
    }

    @Test
    @DisplayName("A thread that spins at one place ends as stuck after the quiet period; a timed wait beside it keeps it going")
    void spinning() {
        StackTraceElement[] spin = onTestThread(nativeFrame("java.lang.Thread", "onSpinWait"), frame("wirelab.x.Flag", "await", 8));
        String why = watch(new Stillness(QUIET, QUIET), 10, (i, seen) -> seen.add(testThread(Thread.State.RUNNABLE, spin)));
        assertNotNull(why);
        assertTrue(why.contains("Flag.await"), why);
        assertNull(watch(new Stillness(QUIET, QUIET), 10, (i, seen) -> {
            seen.add(testThread(Thread.State.RUNNABLE, spin));
            seen.add(new ThreadSnapshot.Seen(2, "sleeper", Thread.State.TIMED_WAITING, null,
                    stack(nativeFrame("java.lang.Thread", "sleep"), frame("wirelab.x.Flag", "setLater", 20))));
        }), "a sleeping thread may still set the flag");
    }

    @Test
    @DisplayName("A busy-wait on another thread's end (Thread.isAlive) is stuck when that thread waits for ever")
    void busyJoin() {
        assertNotNull(watch(new Stillness(QUIET, QUIET), 10, (i, seen) -> {
            seen.add(testThread(Thread.State.RUNNABLE, onTestThread(nativeFrame("java.lang.Thread", "isAlive"))));
            seen.add(new ThreadSnapshot.Seen(2, "worker", Thread.State.WAITING, "java.lang.Object@1f",
                    stack(nativeFrame("java.lang.Object", "wait"), frame("wirelab.x.Buffer", "put", 20))));
        }));
    }

    @Test
    @DisplayName("Every thread waiting for another ends as stuck after the waiting period, which may be shorter; spinning still takes the full one")
    void waitingPeriod() {
        Scene allWait = (i, seen) -> seen.add(testThread(Thread.State.WAITING,
                onTestThread(nativeFrame("java.lang.Object", "wait"), frame("wirelab.x.Buffer", "put", 20))));
        Stillness shortWait = new Stillness(QUIET, QUIET / 4);
        long[] at = new long[1];
        String why = watch(shortWait, 10, (i, seen) -> {
            at[0] = i;
            allWait.at(i, seen);
        });
        assertNotNull(why);
        assertTrue(why.contains("the test's thread waits"), why);
        assertTrue(at[0] * PERIOD < QUIET, "the shorter waiting period applies: stuck at look " + at[0]);

        StackTraceElement[] spin = onTestThread(frame("wirelab.x.Flag", "await", 8));
        long[] spunUntil = new long[1];
        assertNotNull(watch(new Stillness(QUIET, QUIET / 4), 10, (i, seen) -> {
            spunUntil[0] = i;
            seen.add(testThread(Thread.State.RUNNABLE, spin));
        }));
        assertTrue(spunUntil[0] * PERIOD >= QUIET, "spinning waits the whole quiet period: stuck at look " + spunUntil[0]);
    }

    @Test
    @DisplayName("A spinning thread on a busy machine is not stuck before it has burnt half the quiet period in CPU")
    void busyMachine() {
        Stillness stillness = new Stillness(QUIET, QUIET);
        StackTraceElement[] spin = onTestThread(frame("wirelab.x.Flag", "await", 8));
        int stuckAt = -1;
        for (int i = 0; i < 100 && stuckAt < 0; i++) {
            ThreadSnapshot threads = ThreadSnapshot.of(List.of(testThread(Thread.State.RUNNABLE, spin)), -1);
            long cpu = i * PERIOD / 10;   // a tenth of a core
            if (stillness.next(new Stillness.Look(threads, i * PERIOD, 10, Map.of(TEST, cpu))) != null) {
                stuckAt = i;
            }
        }
        assertTrue(stuckAt > 0, "never found stuck");
        // the stretch began at the second look (the first has no look before it to be sure of its threads)
        assertTrue((stuckAt - 1) * PERIOD / 10 >= QUIET / 2, "stuck at look " + stuckAt + ", before half the quiet period in CPU");
    }

    /** Below Awaitility's poll loop: the test's wait for a condition, as the JVM reports it. */
    private static StackTraceElement[] inWait(StackTraceElement... top) {
        List<StackTraceElement> frames = new ArrayList<>(List.of(top));
        frames.add(frame("org.awaitility.core.CallableCondition", "await", 78));
        frames.add(frame("org.awaitility.core.ConditionFactory", "until", 1160));
        frames.add(frame("wirelab.threads.buffer.BoundedBufferTest", "test02_takeWaitsForPut", 68));
        return onTestThread(frames.toArray(StackTraceElement[]::new));
    }

    /** The test's thread polling: asleep between looks at even looks, evaluating the condition at odd ones. */
    private static ThreadSnapshot.Seen poller(int i) {
        String what = "take() to return the item put() added";
        if (i % 2 == 0) {
            return new ThreadSnapshot.Seen(TEST, "junit-timeout-thread-1", Thread.State.TIMED_WAITING, null, inWait(
                    nativeFrame("java.lang.Thread", "sleep"), frame("java.util.concurrent.TimeUnit", "sleep", 446),
                    frame("org.awaitility.core.Uninterruptibles", "sleepUninterruptibly", 35),
                    frame("org.awaitility.core.ConditionAwaiter", "await", 117)), what);
        }
        return new ThreadSnapshot.Seen(TEST, "junit-timeout-thread-1", Thread.State.RUNNABLE, null, inWait(
                frame("wirelab.threads.buffer.BoundedBufferTest", "lambda$test02$1", 68),
                frame("org.awaitility.core.CallableCondition$ConditionEvaluationWrapper", "eval", 99),
                frame("org.awaitility.core.ConditionAwaiter$ConditionPoller", "call", 248),
                frame("java.util.concurrent.FutureTask", "run", 264),
                frame("org.awaitility.core.SameThreadExecutorService", "execute", 79),
                frame("org.awaitility.core.ConditionAwaiter", "await", 101)), what);
    }

    /** A thread in an untimed wait() inside the lab's code, for ever. */
    private static ThreadSnapshot.Seen waiter(long id, String name) {
        return new ThreadSnapshot.Seen(id, name, Thread.State.WAITING, "java.lang.Object@1f", stack(
                nativeFrame("java.lang.Object", "wait"), frame("java.lang.Object", "wait", 338),
                frame("wirelab.threads.buffer.BoundedBuffer", "take", 41), frame("java.lang.Thread", "run", 840)));
    }

    @Test
    @DisplayName("A test waiting for a condition while every other thread waits untimed is stuck: nothing is left to make it true")
    void pollerBesideWaiters() {
        String why = watch(new Stillness(QUIET, QUIET), 10, (i, seen) -> {
            seen.add(poller(i));
            seen.add(waiter(2, "taker"));
            seen.add(waiter(3, "putter"));
        });
        assertNotNull(why, "a wait that no thread can end was never found stuck");
        assertEquals("failed", lastStatus, "the verdict the wait's bound would give");
        assertTrue(why.contains("the test's thread waited for 'take() to return the item put() added'")
                && why.contains("thread \"taker\" waits") && why.contains("no thread is left to make it true"), why);
        String alone = watch(new Stillness(QUIET, QUIET), 10, (i, seen) -> seen.add(poller(i)));
        assertNotNull(alone, "a wait for a thread that has ended is stuck too");
        assertTrue(alone.contains("no other thread of the test was left"), alone);
    }

    @Test
    @DisplayName("A test waiting for a condition is not stuck while another thread sleeps, reads, or changes place")
    void pollerBesideProgress() {
        StackTraceElement[] sleeping = stack(nativeFrame("java.lang.Thread", "sleep"),
                frame("wirelab.threads.buffer.SlowProducer", "run", 22), frame("java.lang.Thread", "run", 840));
        assertNull(watch(new Stillness(QUIET, QUIET), 10, (i, seen) -> {
            seen.add(poller(i));
            seen.add(waiter(2, "taker"));
            seen.add(new ThreadSnapshot.Seen(3, "producer", Thread.State.TIMED_WAITING, null, sleeping));
        }), "a sleeping thread may still make the condition true");
        StackTraceElement[] reading = stack(nativeFrame("sun.nio.ch.SocketDispatcher", "read0"),
                frame("sun.nio.ch.NioSocketImpl", "read", 293), frame("wirelab.sockets.tcp.EchoServer", "handle", 40));
        assertNull(watch(new Stillness(QUIET, QUIET), 10, (i, seen) -> {
            seen.add(poller(i));
            seen.add(new ThreadSnapshot.Seen(3, "handler", Thread.State.RUNNABLE, null, reading));
        }), "a thread reading the network may still make the condition true");
        List<StackTraceElement[]> places = List.of(
                stack(frame("wirelab.threads.workers.Worker", "run", 14), frame("java.lang.Thread", "run", 840)),
                stack(frame("wirelab.threads.workers.Worker", "step", 30), frame("wirelab.threads.workers.Worker", "run", 15),
                        frame("java.lang.Thread", "run", 840)));
        assertNull(watch(new Stillness(QUIET, QUIET), 10, (i, seen) -> {
            seen.add(poller(i));
            seen.add(new ThreadSnapshot.Seen(3, "worker", Thread.State.RUNNABLE, null, places.get(i % places.size())));
        }), "a thread that changes place between looks is working");
    }

    @Test
    @DisplayName("A wait whose condition holds for a while (during) beside untimed waiters is a timer: not stuck")
    void holdingWait() {
        assertNull(watch(new Stillness(QUIET, QUIET), 10, (i, seen) -> {
            ThreadSnapshot.Seen polling = poller(i);
            seen.add(new ThreadSnapshot.Seen(polling.id(), polling.name(), polling.state(), null, polling.stack()));
            seen.add(waiter(2, "putter"));
        }));
    }

    @Test
    @DisplayName("A test waiting for a condition while another thread spins at one place is stuck, with the wait's verdict")
    void pollerBesideASpinner() {
        StackTraceElement[] spin = stack(nativeFrame("java.lang.Thread", "onSpinWait"), frame("wirelab.x.Buffer", "take", 52),
                frame("java.lang.Thread", "run", 840));
        String why = watch(new Stillness(QUIET, QUIET), 10, (i, seen) -> {
            seen.add(poller(i));
            seen.add(new ThreadSnapshot.Seen(2, "taker", Thread.State.RUNNABLE, null, spin));
        });
        assertNotNull(why);
        assertEquals("failed", lastStatus);
        assertTrue(why.contains("Buffer.take") && why.contains("the end of its wait"), why);
    }

    /** The test's own read of the echo (Net.readExactly), with its timeout, as JDK 17 shows it. */
    private static ThreadSnapshot.Seen testReading() {
        return new ThreadSnapshot.Seen(TEST, "junit-timeout-thread-1", Thread.State.RUNNABLE, null, onTestThread(
                nativeFrame("sun.nio.ch.Net", "poll"), frame("sun.nio.ch.NioSocketImpl", "park", 186),
                frame("sun.nio.ch.NioSocketImpl", "timedRead", 290), frame("sun.nio.ch.NioSocketImpl", "read", 355),
                frame("java.net.Socket$SocketInputStream", "read", 966), frame("wirelab.sockets.Net", "readExactly", 48)),
                null, "the echo");
    }

    /** A server's thread in an untimed read of its client's socket. */
    private static ThreadSnapshot.Seen serverReading(long id) {
        return new ThreadSnapshot.Seen(id, "echo-client-" + id, Thread.State.RUNNABLE, null, stack(
                nativeFrame("sun.nio.ch.SocketDispatcher", "read0"), frame("sun.nio.ch.NioSocketImpl", "tryRead", 266),
                frame("sun.nio.ch.NioSocketImpl", "read", 355), frame("wirelab.sockets.tcp.Echo", "serve", 27),
                frame("java.lang.Thread", "run", 840)));
    }

    /** Like {@link #watch}, with the threads the kernel shows asleep for good at every look. */
    private static Stillness.Stuck watchAsleep(Set<Long> asleep, List<ThreadSnapshot.Seen> seen) {
        Stillness stillness = new Stillness(QUIET, QUIET);
        for (int i = 0; i * PERIOD <= 10e9; i++) {
            Stillness.Stuck stuck = stillness.next(new Stillness.Look(ThreadSnapshot.of(seen, -1), i * PERIOD, 10, Map.of(),
                    asleep));
            if (stuck != null) {
                return stuck;
            }
        }
        return null;
    }

    @Test
    @DisplayName("The test's read with a timeout, while the server's threads read and the kernel shows nothing can arrive: failed, and the read ends")
    void readInVain() {
        Stillness.Stuck stuck = watchAsleep(Set.of(TEST, 5L), List.of(testReading(), serverReading(5)));
        assertNotNull(stuck, "a read that nothing can answer was never found stuck");
        assertEquals("failed", stuck.status(), "the verdict the read's timeout would give");
        assertEquals(Set.of(TEST), stuck.readers(), "the read to end now");
        assertTrue(stuck.why().contains("the test's thread waited to read 'the echo'")
                && stuck.why().contains("thread \"echo-client-5\" waits on a socket"), stuck.why());
    }

    @Test
    @DisplayName("Threads on sockets are moving until the kernel says none can wake: a byte on its way, a timer, a peer program")
    void readersTheKernelDoesNotVouchFor() {
        assertNull(watchAsleep(Set.of(), List.of(testReading(), serverReading(5))));
        assertNull(watchAsleep(Set.of(TEST), List.of(testReading(), serverReading(5))), "the server may still get a byte");
        assertNull(watchAsleep(Set.of(5L), List.of(testReading(), serverReading(5))), "the test's read may still get one");
    }

    @Test
    @DisplayName("Every thread in an untimed socket wait that nothing can end, no read of the test: a timeout, as at the limit")
    void untimedReadersOnly() {
        Stillness.Stuck stuck = watchAsleep(Set.of(5L, 6L), List.of(serverReading(5), serverReading(6)));
        assertNotNull(stuck);
        assertEquals("timeout", stuck.status());
        assertEquals(Set.of(), stuck.readers());
    }

    @Test
    @DisplayName("A read of the test in a start gate's worker, the test's thread waiting at the gate: failed, as the gate rethrows it")
    void readInAGate() {
        ThreadSnapshot.Seen gate = new ThreadSnapshot.Seen(TEST, "junit-timeout-thread-1", Thread.State.TIMED_WAITING, null,
                onTestThread(frame("jdk.internal.misc.Unsafe", "park", 0), frame("java.util.concurrent.CountDownLatch", "await", 278),
                        frame("wirelab.testkit.StartGate", "run", 67)));
        ThreadSnapshot.Seen worker = new ThreadSnapshot.Seen(40, "worker-0", Thread.State.RUNNABLE, null, stack(
                nativeFrame("sun.nio.ch.Net", "poll"), frame("sun.nio.ch.NioSocketImpl", "timedRead", 290),
                frame("sun.nio.ch.NioSocketImpl", "read", 355), frame("wirelab.sockets.Net", "readExactly", 48),
                frame("wirelab.testkit.StartGate", "lambda$run$0", 51), frame("java.lang.Thread", "run", 840)), null, "client 0's echo");
        Stillness.Stuck stuck = watchAsleep(Set.of(40L, 5L), List.of(gate, worker, serverReading(5)));
        assertNotNull(stuck);
        assertEquals("failed", stuck.status());
        assertEquals(Set.of(40L), stuck.readers());
        ThreadSnapshot.Seen helper = new ThreadSnapshot.Seen(40, "helper", Thread.State.RUNNABLE, null, stack(
                nativeFrame("sun.nio.ch.Net", "poll"), frame("sun.nio.ch.NioSocketImpl", "timedRead", 290),
                frame("sun.nio.ch.NioSocketImpl", "read", 355), frame("java.lang.Thread", "run", 840)), null, "client 0's echo");
        assertNull(watchAsleep(Set.of(40L, 5L), List.of(gate, helper, serverReading(5))),
                "a thread whose failure may be lost: its read is no verdict of the test's, and the gate keeps its bound");
        ThreadSnapshot.Seen waiter = new ThreadSnapshot.Seen(40, "worker-0", Thread.State.WAITING, "java.lang.Object@1f",
                stack(frame("java.lang.Object", "wait", 338), frame("wirelab.threads.buffer.BoundedBuffer", "put", 40),
                        frame("wirelab.testkit.StartGate", "lambda$run$0", 51), frame("java.lang.Thread", "run", 840)));
        assertNull(watchAsleep(Set.of(), List.of(gate, waiter)), "without a read of the test the gate is a timer, as before");
    }
}
