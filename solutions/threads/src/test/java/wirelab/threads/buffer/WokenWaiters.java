package wirelab.threads.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import wirelab.testkit.Waits;

/**
 * Test helper: a thread woken from wait() must check its condition again. Two threads wait
 * (two take()s on an empty buffer, or two put()s on a full one); then ONE item, or ONE free place,
 * appears. Exactly one of them may go on. A wait in an {@code if} lets the second one go on too
 * (woken by notifyAll, or by the first one's own notify), every time: no race has to happen.
 */
final class WokenWaiters {

    private WokenWaiters() {
    }

    /** Two take()s wait on an empty buffer; one put() adds one item: only one of them goes on. */
    static void assertWokenTakeChecksAgain() throws InterruptedException {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(2);
        AtomicReference<Object> got1 = new AtomicReference<>();
        AtomicReference<Object> got2 = new AtomicReference<>();
        Thread t1 = BoundedBufferTest.background("taker-1", () -> takeInto(buffer, got1));
        BoundedBufferTest.awaitBlocked(t1, "take() on an empty buffer to wait");
        Thread t2 = BoundedBufferTest.background("taker-2", () -> takeInto(buffer, got2));
        BoundedBufferTest.awaitBlocked(t2, "a second take() on an empty buffer to wait");
        long t1Waits = waits(t1);
        long t2Waits = waits(t2);
        buffer.put("only");
        settle(t1, t1Waits, t2, t2Waits, "take()");
        if (!t1.isAlive() && !t2.isAlive()) {
            throw new AssertionError("two threads waited in take() on an empty buffer. One put() added ONE item,"
                    + " but both take()s went on: one returned " + got1.get() + ", the other " + got2.get()
                    + ". The take() woken second did not check again whether there was an item: wait in a while"
                    + " loop (while empty: wait), not an if.");
        }
        assertEquals("only", t1.isAlive() ? got2.get() : got1.get(), "what the take() that went on returned");
        buffer.put("for the other taker");
    }

    static void takeInto(BoundedBuffer<String> buffer, AtomicReference<Object> got) {
        try {
            got.set(buffer.take());
        } catch (Throwable e) {
            got.set(e);
        }
    }

    /** How often {@code t} went into WAITING so far (wait(), await(), park). */
    static long waits(Thread t) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(t.getId());
        return info == null ? Long.MAX_VALUE : info.getWaitedCount();
    }

    /** Two put()s wait on a full buffer of 1; one take() makes room: only one of them goes on. */
    static void assertWokenPutChecksAgain() throws InterruptedException {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
        buffer.put("first");
        Thread p1 = BoundedBufferTest.background("putter-1", () -> putQuietly(buffer, "second"));
        BoundedBufferTest.awaitBlocked(p1, "put(\"second\") on a full buffer to wait");
        Thread p2 = BoundedBufferTest.background("putter-2", () -> putQuietly(buffer, "third"));
        BoundedBufferTest.awaitBlocked(p2, "put(\"third\") on a full buffer to wait");
        long p1Waits = waits(p1);
        long p2Waits = waits(p2);
        assertEquals("first", buffer.take(), "take() from the full buffer");
        settle(p1, p1Waits, p2, p2Waits, "put()");
        int size = buffer.size();
        boolean bothDone = !p1.isAlive() && !p2.isAlive();
        if (size > 1 || bothDone) {
            throw new AssertionError("a buffer of capacity 1 was full, and two threads waited in put(). One take()"
                    + " made room for ONE item, but " + (bothDone ? "both put()s went on" : "the buffer holds " + size)
                    + " items now (size() = " + size + "). The put() woken second did not check again whether"
                    + " there was room: wait in a while loop (while full: wait), not an if.");
        }
        assertEquals(1, size, "size() after take() and one put() went on");
        buffer.take();
        buffer.take();
    }

    /**
     * Waits until one of two competing calls has finished and the other waits (or both have
     * finished). The other one, woken by notifyAll and finding nothing to do, waits AGAIN: its
     * wait count goes up, and it has settled. Woken by nobody (signal() wakes one), it stays in
     * the wait it was in before: then it gets half a second to show that it stays there.
     */
    static void settle(Thread a, long aWaits, Thread b, long bWaits, String call) {
        Waits.await("one " + call + " to finish and the other to wait", Duration.ofSeconds(10))
                .until(() -> (!a.isAlive() || !b.isAlive()) && waitingOrDone(a) && waitingOrDone(b));
        Thread other = a.isAlive() ? a : b;
        long otherWaits = other == a ? aWaits : bWaits;
        if (other.isAlive() && waits(other) == otherWaits) {
            Waits.await("the other " + call + " to stay waiting", Duration.ofSeconds(10)).during(Duration.ofMillis(500))
                    .until(() -> !other.isAlive() || waitingOrDone(other));
        }
    }

    static boolean waitingOrDone(Thread t) {
        Thread.State state = t.getState();
        return state == Thread.State.TERMINATED || state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    static void putQuietly(BoundedBuffer<String> buffer, String item) {
        try {
            buffer.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
