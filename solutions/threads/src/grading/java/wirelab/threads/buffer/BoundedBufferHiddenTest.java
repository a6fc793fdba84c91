package wirelab.threads.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Points;
import wirelab.testkit.StartGate;
import wirelab.testkit.Stress;
import wirelab.testkit.Waits;
import wirelab.threads.Guards;

/** Hidden: edge cases of the bounded buffer (capacity 1, many threads, interrupts, bad capacity). */
@TestMethodOrder(MethodOrderer.MethodName.class)
class BoundedBufferHiddenTest {

    @Test
    @Points(value = 1, group = "buffer")
    @DisplayName("a capacity below 1 is refused with IllegalArgumentException")
    void test01_rejectsBadCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedBuffer<String>(0),
                "new BoundedBuffer<>(0) should throw IllegalArgumentException");
        assertThrows(IllegalArgumentException.class, () -> new BoundedBuffer<String>(-3),
                "new BoundedBuffer<>(-3) should throw IllegalArgumentException");
    }

    @Test
    @Points(value = 1, group = "buffer")
    @DisplayName("4 producers and 4 consumers share a buffer of capacity 1 without hanging, overfilling or losing items")
    void test02_capacityOneManyThreads() {
        // rounds for 1 s, not one: a wait in an `if` goes wrong only when a thread is woken for
        // the wrong reason, and one round of 20,000 hand-overs missed that in 2 runs out of 20
        Stress.repeatFor(Duration.ofSeconds(1), round -> {
            int perThread = 5_000;
            BoundedBuffer<Integer> buffer = new BoundedBuffer<>(1);
            LongAdder sum = new LongAdder();
            StartGate.run(8, Duration.ofSeconds(15), worker -> {
                for (int i = 1; i <= perThread; i++) {
                    if (worker < 4) {
                        buffer.put(i);
                        if (buffer.size() > 1) {
                            throw new AssertionError("the buffer of capacity 1 held " + buffer.size() + " items (round "
                                    + round + "): put() went on although the buffer was full. Wait in a while loop,"
                                    + " not an if.");
                        }
                    } else {
                        Integer item = buffer.take();
                        if (item == null) {
                            throw new AssertionError("take() returned null (round " + round + "): it went on although"
                                    + " the buffer was empty. Wait in a while loop, not an if.");
                        }
                        sum.add(item);
                    }
                }
            });
            long expected = 4L * perThread * (perThread + 1) / 2;
            assertEquals(expected, sum.sum(), "the sum of all items taken (round " + round
                    + "): items were lost or taken twice");
        });
    }

    @Test
    @Points(value = 1, group = "buffer")
    @DisplayName("a take() waiting on an empty buffer ends with InterruptedException when interrupted")
    void test03_takeAnswersInterrupt() {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
        assertInterruptible(() -> buffer.take(), "take() on an empty buffer");
    }

    @Test
    @Points(value = 1, group = "buffer")
    @DisplayName("a put() waiting on a full buffer ends with InterruptedException when interrupted")
    void test04_putAnswersInterrupt() throws InterruptedException {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
        buffer.put("full");
        assertInterruptible(() -> buffer.put("one too many"), "put() on a full buffer");
    }

    interface Blocking {
        void call() throws InterruptedException;
    }

    static void assertInterruptible(Blocking call, String what) {
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                call.call();
                ended.set(new AssertionError(what + " returned instead of waiting"));
            } catch (Throwable e) {
                ended.set(e);
            }
        }, "blocked");
        t.setDaemon(true);
        t.start();
        Waits.await(what + " to wait", Duration.ofSeconds(5))
                .until(() -> t.getState() == Thread.State.WAITING || !t.isAlive());
        t.interrupt();
        Waits.await(what + " to end after interrupt()", Duration.ofSeconds(5)).until(() -> !t.isAlive());
        assertTrue(ended.get() instanceof InterruptedException, what + " should end with InterruptedException"
                + " when its thread is interrupted, but it ended with " + ended.get());
    }

    @Test
    @Points(value = 1, group = "buffer")
    @DisplayName("size() takes the lock put() takes (no read outside the lock)")
    void test05_sizeReadsUnderLock() {
        Guards.Guard lock = Guards.lockOf(BoundedBuffer.class, () -> new BoundedBuffer<String>(4), "put(\"x\")",
                buffer -> {
                    try {
                        buffer.put("x");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        assertNotNull(lock, "the test held the buffer's own lock and the lock of each of its fields in turn, and"
                + " put(\"x\") on a buffer with room ran to the end on another thread each time: put() changes the"
                + " items without a lock.");
        String problem = Guards.readerOutsideLock(lock, BoundedBuffer.class, new BoundedBuffer<String>(4), "size()",
                BoundedBuffer::size, "put()");
        if (problem != null && !Guards.hasLockFreeField(BoundedBuffer.class)) {
            throw new AssertionError("BoundedBuffer: " + problem);
        }
    }

    @Test
    @Points(value = 1, group = "buffer")
    @DisplayName("two take()s wait on an empty buffer; one put() adds one item: only one of them goes on")
    void test07_wokenTakeChecksAgain() throws InterruptedException {
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
        Waits.await("one take() to return the item and the other to wait", Duration.ofSeconds(10))
                .until(() -> (!t1.isAlive() || !t2.isAlive()) && waitingOrDone(t1) && waitingOrDone(t2));
        Thread other = t1.isAlive() ? t1 : t2;
        long otherWaits = other == t1 ? t1Waits : t2Waits;
        if (other.isAlive() && waits(other) == otherWaits) {
            Waits.await("the other take() to stay waiting", Duration.ofSeconds(10)).during(Duration.ofMillis(500))
                    .until(() -> !other.isAlive() || waitingOrDone(other));
        }
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

    @Test
    @Points(value = 2, group = "buffer")
    @DisplayName("two put()s wait on a full buffer of 1; one take() makes room: only one of them goes on")
    void test06_wokenPutChecksAgain() throws InterruptedException {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
        buffer.put("first");
        Thread p1 = BoundedBufferTest.background("putter-1", () -> putQuietly(buffer, "second"));
        BoundedBufferTest.awaitBlocked(p1, "put(\"second\") on a full buffer to wait");
        Thread p2 = BoundedBufferTest.background("putter-2", () -> putQuietly(buffer, "third"));
        BoundedBufferTest.awaitBlocked(p2, "put(\"third\") on a full buffer to wait");
        long p1Waits = waits(p1);
        long p2Waits = waits(p2);
        assertEquals("first", buffer.take(), "take() from the full buffer");
        // one putter finishes; the other, woken by notifyAll, finds no room and waits AGAIN (its
        // wait count goes up: settled). Woken by nobody (signal() wakes one), it stays in its first
        // wait: then the test gives it half a second to show it stays there.
        Waits.await("one put() to finish and the other to wait", Duration.ofSeconds(10))
                .until(() -> (!p1.isAlive() || !p2.isAlive()) && waitingOrDone(p1) && waitingOrDone(p2));
        Thread other = p1.isAlive() ? p1 : p2;
        long otherWaits = other == p1 ? p1Waits : p2Waits;
        if (other.isAlive() && waits(other) == otherWaits) {
            Waits.await("the other put() to stay waiting", Duration.ofSeconds(10)).during(Duration.ofMillis(500))
                    .until(() -> !other.isAlive() || waitingOrDone(other));
        }
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
