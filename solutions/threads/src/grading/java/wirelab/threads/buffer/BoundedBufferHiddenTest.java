package wirelab.threads.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    @DisplayName("4 producers and 4 consumers share a buffer of capacity 1 without hanging, overfilling or losing items;"
            + " put() and take() check under their lock")
    void test02_capacityOneManyThreads() throws InterruptedException {
        // first without a race: a put() woken when another took its place must wait again, and
        // put() and take() must check under the lock they act under (two put()s let through the
        // lock the test held must not both add; two take()s must not both take one item)
        WokenWaiters.assertWokenPutChecksAgain();
        CheckedUnderLock.assertPutChecksUnderItsLock();
        CheckedUnderLock.assertTakeChecksUnderItsLock();
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
    @DisplayName("a take() waiting on an empty buffer ends with InterruptedException when interrupted; the buffer works on")
    void test03_takeAnswersInterrupt() {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
        assertInterruptible(() -> buffer.take(), "take() on an empty buffer");
        assertWorksOn(buffer, "the interrupted take()", () -> {
            buffer.put("after");
            assertEquals("after", buffer.take(), "take() after a put() that followed the interrupted take()");
        });
    }

    @Test
    @Points(value = 1, group = "buffer")
    @DisplayName("a put() waiting on a full buffer ends with InterruptedException when interrupted, adding nothing;"
            + " the buffer works on")
    void test04_putAnswersInterrupt() throws InterruptedException {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
        buffer.put("full");
        assertInterruptible(() -> buffer.put("one too many"), "put() on a full buffer");
        assertWorksOn(buffer, "the interrupted put()", () -> {
            assertEquals(1, buffer.size(), "size() of the full buffer of 1 after a put() on it was interrupted:"
                    + " the interrupted put() must not add its item");
            assertEquals("full", buffer.take(), "take() after the interrupted put(): the item that was there before");
            assertEquals(0, buffer.size(), "size() once that item was taken");
        });
    }

    /**
     * After a call ended with InterruptedException, another thread uses the buffer: it must get
     * through. A lock taken with lock() and let go only on the normal way out stays held by the
     * interrupted thread, and every later call waits for it for ever.
     */
    static void assertWorksOn(BoundedBuffer<String> buffer, String interrupted, Blocking use) {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread user = new Thread(() -> {
            try {
                use.call();
            } catch (Throwable e) {
                failed.set(e);
            }
        }, "after the interrupt");
        user.setDaemon(true);
        user.start();
        try {
            Waits.await("another thread to use the buffer after " + interrupted + " ended", Duration.ofSeconds(5))
                    .until(() -> !user.isAlive());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(interrupted + " ended with InterruptedException, and then another thread's call on"
                    + " the buffer did not finish within 5 s: it " + (user.getState() == Thread.State.BLOCKED
                    || user.getState() == Thread.State.WAITING ? "waits" : "is stuck") + " (" + user.getState() + ")."
                    + " Did " + interrupted + " leave the buffer's lock held? A lock taken with lock() must be let go"
                    + " in a finally block, so that every way out of the method, the InterruptedException too,"
                    + " unlocks it.");
        }
        if (failed.get() instanceof AssertionError e) {
            throw e;
        }
        if (failed.get() != null) {
            throw new AssertionError("after " + interrupted + ", another thread's call on the buffer threw " + failed.get(),
                    failed.get());
        }
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
        WokenWaiters.assertWokenTakeChecksAgain();
    }

    @Test
    @Points(value = 2, group = "buffer")
    @DisplayName("two put()s wait on a full buffer of 1; one take() makes room: only one of them goes on")
    void test06_wokenPutChecksAgain() throws InterruptedException {
        WokenWaiters.assertWokenPutChecksAgain();
    }
}
