package wirelab.grading.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import wirelab.testkit.Waits;

class ThreadSnapshotTest {

    private static StackTraceElement frame(String cls, String method, int line) {
        return new StackTraceElement(cls, method, cls.substring(cls.lastIndexOf('.') + 1) + ".java", line);
    }

    private static StackTraceElement nativeFrame(String cls, String method) {
        return new StackTraceElement(cls, method, null, -2);
    }

    @Test
    @DisplayName("Timed waits, I/O and threads not yet started can move on by themselves; untimed waits and blocks cannot")
    void kinds() {
        StackTraceElement[] user = {frame("wirelab.x.Buffer", "put", 20)};
        assertEquals(ThreadSnapshot.Kind.MOVING, ThreadSnapshot.kind(Thread.State.TIMED_WAITING, user));
        assertEquals(ThreadSnapshot.Kind.MOVING, ThreadSnapshot.kind(Thread.State.NEW, user));
        assertEquals(ThreadSnapshot.Kind.WAITING, ThreadSnapshot.kind(Thread.State.WAITING, user));
        assertEquals(ThreadSnapshot.Kind.WAITING, ThreadSnapshot.kind(Thread.State.BLOCKED, user));
        assertEquals(ThreadSnapshot.Kind.SPINNING, ThreadSnapshot.kind(Thread.State.RUNNABLE, user));
        assertEquals(ThreadSnapshot.Kind.MOVING, ThreadSnapshot.kind(Thread.State.RUNNABLE,
                new StackTraceElement[] {nativeFrame("sun.nio.ch.Net", "accept"), frame("wirelab.x.Server", "run", 9)}),
                "a server in accept() waits for the network");
        assertEquals(ThreadSnapshot.Kind.SPINNING, ThreadSnapshot.kind(Thread.State.RUNNABLE,
                new StackTraceElement[] {nativeFrame("java.lang.Thread", "yield"), frame("wirelab.x.Buffer", "put", 20)}),
                "Thread.yield() in a loop is spinning, not I/O");
        assertEquals(ThreadSnapshot.Kind.WAITING, ThreadSnapshot.kind(Thread.State.RUNNABLE,
                new StackTraceElement[] {nativeFrame("java.lang.ref.Reference", "waitForReferencePendingList")}),
                "the reference handler waits for the collector");
    }

    @Test
    @DisplayName("A pool's idle worker waits only to end; a scheduled pool's worker with a task due is a timer")
    void idleWorkers() {
        assertTrue(ThreadSnapshot.idleWorker(new StackTraceElement[] {frame("java.util.concurrent.SynchronousQueue", "poll", 1),
            frame("java.util.concurrent.ThreadPoolExecutor", "getTask", 2), frame("java.util.concurrent.ThreadPoolExecutor", "runWorker", 3)}));
        assertTrue(ThreadSnapshot.idleWorker(new StackTraceElement[] {frame("java.util.concurrent.ForkJoinPool", "awaitWork", 1)}));
        assertFalse(ThreadSnapshot.idleWorker(new StackTraceElement[] {
            frame("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue", "take", 1),
            frame("java.util.concurrent.ThreadPoolExecutor", "getTask", 2)}));
        assertFalse(ThreadSnapshot.idleWorker(new StackTraceElement[] {frame("java.lang.Thread", "sleep", 1),
            frame("wirelab.x.Client", "retry", 2)}), "a sleep in the lab's code is a timer");
        assertEquals(ThreadSnapshot.Kind.WAITING, ThreadSnapshot.kind(Thread.State.TIMED_WAITING,
                new StackTraceElement[] {frame("java.util.concurrent.ForkJoinPool", "awaitWork", 1)}));
    }

    @Test
    @DisplayName("Starting a thread or asking whether one is alive is not I/O; the clock, the network and a child process are")
    void nativeCalls() {
        StackTraceElement caller = frame("wirelab.x.Workers", "startAll", 12);
        assertEquals(ThreadSnapshot.Kind.SPINNING, ThreadSnapshot.kind(Thread.State.RUNNABLE,
                new StackTraceElement[] {nativeFrame("java.lang.Thread", "start0"), frame("java.lang.Thread", "start", 809), caller}));
        assertEquals(ThreadSnapshot.Kind.SPINNING, ThreadSnapshot.kind(Thread.State.RUNNABLE,
                new StackTraceElement[] {nativeFrame("java.lang.Thread", "isAlive"), caller}));
        assertEquals(ThreadSnapshot.Kind.MOVING, ThreadSnapshot.kind(Thread.State.RUNNABLE,
                new StackTraceElement[] {nativeFrame("java.lang.System", "nanoTime"), caller}), "a loop on the clock ends by itself");
        assertEquals(ThreadSnapshot.Kind.MOVING, ThreadSnapshot.kind(Thread.State.RUNNABLE,
                new StackTraceElement[] {nativeFrame("java.lang.ProcessHandleImpl", "waitForProcessExit0"), caller}));
    }

    @Test
    @DisplayName("A running thread's loop place looks past the JDK's calls and constructors to its own code; its exact place does not")
    void places() {
        StackTraceElement loop = frame("wirelab.x.Workers", "startAll", 25);
        StackTraceElement test = frame("wirelab.x.WorkersTest", "test01", 40);
        StackTraceElement[] starting = {nativeFrame("java.lang.Thread", "start0"), frame("java.lang.Thread", "start", 809), loop, test};
        StackTraceElement[] building = {frame("java.lang.Thread", "<init>", 396), frame("wirelab.x.Worker", "<init>", 19),
            frame("wirelab.x.Workers", "startAll", 24), test};
        StackTraceElement[] adding = {frame("java.util.ArrayList", "add", 467), frame("wirelab.x.Workers", "startAll", 26), test};
        String place = ThreadSnapshot.loopSpot(Thread.State.RUNNABLE, null, starting);
        assertEquals("RUNNABLE\nwirelab.x.Workers.startAll\nwirelab.x.WorkersTest.test01:40", place);
        assertEquals(place, ThreadSnapshot.loopSpot(Thread.State.RUNNABLE, null, building));
        assertEquals(place, ThreadSnapshot.loopSpot(Thread.State.RUNNABLE, null, adding));
        assertFalse(ThreadSnapshot.spot(Thread.State.RUNNABLE, null, starting).equals(ThreadSnapshot.spot(Thread.State.RUNNABLE, null, adding)));
        assertFalse(place.equals(ThreadSnapshot.loopSpot(Thread.State.RUNNABLE, null,
                new StackTraceElement[] {frame("wirelab.x.Worker", "run", 30), loop, test})), "the thread's own code moved");
        assertEquals("WAITING on java.lang.Object@1f\njava.lang.Object.wait:-2\nwirelab.x.Buffer.put:20",
                ThreadSnapshot.loopSpot(Thread.State.WAITING, "java.lang.Object@1f",
                        new StackTraceElement[] {nativeFrame("java.lang.Object", "wait"), frame("wirelab.x.Buffer", "put", 20)}),
                "a waiting thread's place is its whole stack");
        assertEquals(ThreadSnapshot.spot(Thread.State.RUNNABLE, null, new StackTraceElement[] {frame("java.lang.Object", "x", 1)}),
                ThreadSnapshot.loopSpot(Thread.State.RUNNABLE, null, new StackTraceElement[] {frame("java.lang.Object", "x", 1)}),
                "a thread with only the JDK's code keeps its exact place");
    }

    @Test
    @DisplayName("Threads seen in one look only are left out of the next; a thread in Thread.start is starting threads")
    void settled() {
        StackTraceElement[] starting = {nativeFrame("java.lang.Thread", "start0"), frame("java.lang.Thread", "start", 809),
            frame("wirelab.x.Workers", "startAll", 25)};
        StackTraceElement[] child = {frame("wirelab.x.Worker", "run", 30)};
        ThreadSnapshot before = ThreadSnapshot.of(java.util.List.of(
                new ThreadSnapshot.Seen(1, "main", Thread.State.RUNNABLE, null, starting),
                new ThreadSnapshot.Seen(7, "Worker-7", Thread.State.RUNNABLE, null, child)), -1);
        ThreadSnapshot now = ThreadSnapshot.of(java.util.List.of(
                new ThreadSnapshot.Seen(1, "main", Thread.State.RUNNABLE, null, starting),
                new ThreadSnapshot.Seen(8, "Worker-8", Thread.State.RUNNABLE, null, child)), -1);
        assertEquals(java.util.Set.of(1L), now.starting());
        ThreadSnapshot kept = now.alsoIn(before);
        assertEquals(java.util.Set.of(1L), kept.threads().keySet());
        assertEquals(java.util.Set.of(1L), kept.starting());
    }

    /** A thread that waits (Waits) for {@code condition} until {@code done}; started, not yet polling. */
    private static Thread polling(String what, Duration hold, BooleanSupplier condition, AtomicBoolean done) {
        Thread t = new Thread(() -> {
            try {
                var wait = Waits.await(what, Duration.ofSeconds(30));
                (hold.isZero() ? wait : wait.during(hold)).until(() -> {
                    if (done.get()) {
                        throw new CancellationException("the test has seen it");
                    }
                    return condition.getAsBoolean();
                });
            } catch (CancellationException e) {
                // ended by the test
            }
        }, "junit-timeout-thread-7");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The JVM's look at one thread, as the watch takes it. */
    private static ThreadSnapshot.Entry look(Thread t) {
        ThreadInfo[] infos = ManagementFactory.getThreadMXBean().dumpAllThreads(false, false, 64);
        return ThreadSnapshot.of(infos, -1, Set.of()).threads().get(t.getId());
    }

    private static ThreadSnapshot.Entry lookWhen(Thread t, Thread.State state) throws InterruptedException {
        for (int i = 0; i < 10_000; i++) {
            ThreadSnapshot.Entry e = look(t);
            if (e != null && e.state() == state && e.awaits() != null) {
                return e;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("never saw the polling thread " + state);
    }

    @Test
    @DisplayName("A test's wait for a condition not yet true only looks: waiting, at one place, asleep or evaluating it")
    void pollerLooks() throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        AtomicBoolean hold = new AtomicBoolean();
        CountDownLatch inside = new CountDownLatch(1);
        Thread t = polling("the buffer to hold 3 items", Duration.ZERO, () -> {
            if (hold.get()) {
                inside.countDown();
                while (hold.get()) {
                    Thread.onSpinWait();   // caught while evaluating the condition
                }
            }
            return false;
        }, done);
        try {
            ThreadSnapshot.Entry asleep = lookWhen(t, Thread.State.TIMED_WAITING);
            hold.set(true);
            inside.await();
            ThreadSnapshot.Entry evaluating = look(t);
            hold.set(false);
            assertEquals(Thread.State.RUNNABLE, evaluating.state());
            assertEquals(ThreadSnapshot.Kind.WAITING, asleep.kind());
            assertEquals(ThreadSnapshot.Kind.WAITING, evaluating.kind());
            assertEquals("the buffer to hold 3 items", asleep.awaits());
            assertEquals(asleep.spot(), evaluating.spot(), "two looks at one wait are one place");
            assertTrue(asleep.spot().contains("org.awaitility.core.ConditionAwaiter.await\n"), asleep.spot());
        } finally {
            done.set(true);
            t.join();
        }
    }

    @Test
    @DisplayName("A wait whose condition holds passes time on purpose (during): a timer, not a poller")
    void holdingWaitIsATimer() throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        Thread t = polling("the other put() to stay waiting", Duration.ofSeconds(20), () -> true, done);
        try {
            ThreadSnapshot.Entry e = null;
            for (int i = 0; i < 10_000 && (e == null || e.state() != Thread.State.TIMED_WAITING); i++) {
                Thread.sleep(1);
                e = look(t);
            }
            assertEquals(Thread.State.TIMED_WAITING, e.state());
            assertEquals(null, e.awaits());
            assertEquals(ThreadSnapshot.Kind.MOVING, e.kind());
        } finally {
            done.set(true);
            t.join();
        }
    }

    @Test
    @DisplayName("A thread in Awaitility's loop that the test kit did not see failing (its own wait) is a timer, as any sleep")
    void unknownWaitIsATimer() {
        StackTraceElement[] sleeping = {nativeFrame("java.lang.Thread", "sleep"),
            frame("org.awaitility.core.ConditionAwaiter", "await", 117), frame("wirelab.x.BufferTest", "test02", 40)};
        ThreadSnapshot seen = ThreadSnapshot.of(List.of(
                new ThreadSnapshot.Seen(3, "junit-timeout-thread-1", Thread.State.TIMED_WAITING, null, sleeping)), -1);
        assertEquals(ThreadSnapshot.Kind.MOVING, seen.threads().get(3L).kind());
        ThreadSnapshot polled = ThreadSnapshot.of(List.of(
                new ThreadSnapshot.Seen(3, "junit-timeout-thread-1", Thread.State.TIMED_WAITING, null, sleeping, "x")), -1);
        assertEquals(ThreadSnapshot.Kind.WAITING, polled.threads().get(3L).kind());
    }
}
