package wirelab.threads.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Points;
import wirelab.testkit.StartGate;
import wirelab.testkit.Waits;

/** Exercise 5: a bounded buffer where put waits while full and take waits while empty. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class BoundedBufferTest {

    /** Starts a daemon thread; the test waits for it with bounds, never forever. */
    static Thread background(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static void awaitBlocked(Thread t, String what) {
        Waits.await(what, Duration.ofSeconds(5)).until(() -> t.getState() == Thread.State.WAITING
                || t.getState() == Thread.State.BLOCKED || !t.isAlive());
    }

    @Test
    @Points(value = 1, group = "buffer")
    @DisplayName("items come out of the buffer in the order they went in")
    void test01_fifo() throws InterruptedException {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(3);
        buffer.put("a");
        buffer.put("b");
        buffer.put("c");
        assertEquals(3, buffer.size(), "size() after 3 puts");
        assertEquals("a", buffer.take(), "first take");
        assertEquals("b", buffer.take(), "second take");
        buffer.put("d");
        assertEquals("c", buffer.take(), "third take");
        assertEquals("d", buffer.take(), "fourth take");
        assertEquals(0, buffer.size(), "size() once every item was taken");
    }

    @Test
    @Points(value = 2, group = "buffer")
    @DisplayName("take() waits while the buffer is empty and returns the item a later put() adds")
    void test02_takeWaitsWhileEmpty() throws InterruptedException {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(2);
        AtomicReference<Object> got = new AtomicReference<>();
        Thread taker = background("taker", () -> {
            try {
                got.set(buffer.take());
            } catch (Throwable e) {
                got.set(e);
            }
        });
        awaitBlocked(taker, "take() on an empty buffer to wait");
        assertTrue(taker.isAlive(), "take() on an empty buffer returned " + got.get() + " instead of waiting");
        buffer.put("hello");
        Waits.await("take() to return the item put() added", Duration.ofSeconds(5)).until(() -> got.get() != null);
        assertEquals("hello", got.get(), "what the waiting take() returned");
    }

    @Test
    @Points(value = 2, group = "buffer")
    @DisplayName("put() waits while the buffer is full and goes on once take() makes room")
    void test03_putWaitsWhileFull() throws InterruptedException {
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(2);
        buffer.put(1);
        buffer.put(2);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread putter = background("putter", () -> {
            try {
                buffer.put(3);
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        awaitBlocked(putter, "put() on a full buffer to wait");
        assertTrue(putter.isAlive(), "put() on a full buffer (capacity 2, 2 items) returned instead of waiting"
                + (failed.get() == null ? "" : ": it threw " + failed.get()));
        assertEquals(2, buffer.size(), "a full buffer of capacity 2 must not hold more than 2 items");
        assertEquals(1, buffer.take(), "take() from the full buffer");
        Waits.await("the waiting put(3) to finish once there is room", Duration.ofSeconds(5))
                .until(() -> !putter.isAlive());
        assertEquals(2, buffer.take(), "second take");
        assertEquals(3, buffer.take(), "third take: the item the waiting put() added");
    }

    @Test
    @Points(value = 3, group = "buffer")
    @DisplayName("2 producers and 2 consumers pass 20 000 items through a buffer of 4: each arrives once")
    void test04_producersAndConsumers() throws InterruptedException {
        // first without a race: a take() woken when another took the item must wait again (a
        // wait in an if goes on; with many threads that shows only now and then), and a take()
        // must look for an item under the lock it removes under
        WokenWaiters.assertWokenTakeChecksAgain();
        CheckedUnderLock.assertTakeChecksUnderItsLock();
        int perProducer = 10_000;
        BoundedBuffer<Integer> buffer = new BoundedBuffer<>(4);
        Set<Integer> received = ConcurrentHashMap.newKeySet();
        StartGate.run(4, Duration.ofSeconds(20), worker -> {
            if (worker < 2) {
                for (int i = 0; i < perProducer; i++) {
                    buffer.put(worker * perProducer + i);
                }
            } else {
                for (int i = 0; i < perProducer; i++) {
                    Integer item = buffer.take();
                    if (!received.add(item)) {
                        throw new AssertionError("item " + item + " was taken twice");
                    }
                }
            }
        });
        assertEquals(2 * perProducer, received.size(), "items the consumers received");
        assertEquals(0, buffer.size(), "size() once all items were taken");
    }
}
