package wirelab.grading.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
}
