package wirelab.threads.buffer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import wirelab.testkit.Waits;
import wirelab.threads.Guards;

/**
 * Test helper: check-then-act inside the buffer, played without a race. The test holds the lock
 * put() takes (found as {@link Guards#lockOf} finds it) while two put()s start on a buffer with
 * room for ONE item: both stop at that lock. Then the test lets go. A put() that looked at the
 * size before it took the lock has already decided there is room, so both add their item: two
 * items in a buffer of 1, every time. A put() that checks under the lock finds the buffer full
 * once the other has added, and waits. The same for two take()s and ONE item.
 */
final class CheckedUnderLock {

    private CheckedUnderLock() {
    }

    /** Two put()s stopped at the lock put() takes, on an empty buffer of 1: only one may go on. */
    static void assertPutChecksUnderItsLock() {
        Guards.Guard found = Guards.lockOf(BoundedBuffer.class, () -> new BoundedBuffer<String>(2), "put(\"x\")",
                buffer -> WokenWaiters.putQuietly(buffer, "x"));
        if (found == null) {
            return;                      // put() takes no lock the test can hold: the size() test says so
        }
        BoundedBuffer<String> buffer = new BoundedBuffer<>(1);
        Guards.Guard lock = Guards.on(found, BoundedBuffer.class, buffer);
        Thread[] putters = new Thread[2];
        long[] waits = new long[2];
        lock.hold(() -> {
            putters[0] = Guards.startUntilStopped("putter-1", lock, () -> WokenWaiters.putQuietly(buffer, "first"));
            putters[1] = Guards.startUntilStopped("putter-2", lock, () -> WokenWaiters.putQuietly(buffer, "second"));
            waits[0] = WokenWaiters.waits(putters[0]);
            waits[1] = WokenWaiters.waits(putters[1]);
        });
        WokenWaiters.settle(putters[0], waits[0], putters[1], waits[1], "put()");
        int size = sizeOf(buffer);
        if (size > 1 || !putters[0].isAlive() && !putters[1].isAlive()) {
            throw new AssertionError("the test held " + lock.name() + ", the lock put() takes, while two threads called"
                    + " put() on an empty buffer of capacity 1; both stopped at that lock. When the test let go, both"
                    + " put()s went on and the buffer holds " + size + " items (size() = " + size + "). Each of them"
                    + " had looked whether there was room BEFORE it took the lock, and both saw an empty buffer."
                    + " Check for room after you take the lock, under the same lock you add under (while full: wait).");
        }
        drain(buffer, putters);
    }

    /** Two take()s stopped at the lock take() takes, on a buffer holding ONE item: only one may go on. */
    static void assertTakeChecksUnderItsLock() {
        Guards.Guard found = Guards.lockOf(BoundedBuffer.class, CheckedUnderLock::oneItem, "take()",
                CheckedUnderLock::takeQuietly);
        if (found == null) {
            return;                      // take() takes no lock the test can hold: other tests say so
        }
        BoundedBuffer<String> buffer = oneItem();
        Guards.Guard lock = Guards.on(found, BoundedBuffer.class, buffer);
        AtomicReference<Object> got1 = new AtomicReference<>();
        AtomicReference<Object> got2 = new AtomicReference<>();
        Thread[] takers = new Thread[2];
        long[] waits = new long[2];
        lock.hold(() -> {
            takers[0] = Guards.startUntilStopped("taker-1", lock, () -> WokenWaiters.takeInto(buffer, got1));
            takers[1] = Guards.startUntilStopped("taker-2", lock, () -> WokenWaiters.takeInto(buffer, got2));
            waits[0] = WokenWaiters.waits(takers[0]);
            waits[1] = WokenWaiters.waits(takers[1]);
        });
        WokenWaiters.settle(takers[0], waits[0], takers[1], waits[1], "take()");
        if (!takers[0].isAlive() && !takers[1].isAlive()) {
            throw new AssertionError("the test held " + lock.name() + ", the lock take() takes, while two threads called"
                    + " take() on a buffer holding ONE item; both stopped at that lock. When the test let go, both"
                    + " take()s went on: one returned " + describe(got1.get()) + ", the other " + describe(got2.get())
                    + ". Each of them had looked whether there was an item BEFORE it took the lock, and both saw"
                    + " one. Check for an item after you take the lock, under the same lock you remove under"
                    + " (while empty: wait).");
        }
        WokenWaiters.putQuietly(buffer, "for the other taker");
        Waits.await("the waiting take() to get the second item", Duration.ofSeconds(10))
                .until(() -> !takers[0].isAlive() && !takers[1].isAlive());
    }

    private static BoundedBuffer<String> oneItem() {
        BoundedBuffer<String> buffer = new BoundedBuffer<>(2);
        WokenWaiters.putQuietly(buffer, "only");
        return buffer;
    }

    private static void takeQuietly(BoundedBuffer<String> buffer) {
        try {
            buffer.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Object got) {
        return got instanceof Throwable e ? "by throwing " + e : String.valueOf(got);
    }

    /** size() from another thread, so a lock the buffer never let go of fails the test instead of hanging it. */
    private static int sizeOf(BoundedBuffer<String> buffer) {
        AtomicReference<Integer> size = new AtomicReference<>();
        Thread t = new Thread(() -> size.set(buffer.size()), "size()");
        t.setDaemon(true);
        t.start();
        Waits.await("size() to answer", Duration.ofSeconds(10)).until(() -> size.get() != null);
        return size.get();
    }

    /** Takes the items out so a waiting put() can finish and end its thread. */
    private static void drain(BoundedBuffer<String> buffer, Thread[] putters) {
        Waits.await("the put()s to finish as the test takes the items out", Duration.ofSeconds(10))
                .until(() -> {
                    if (buffer.size() > 0) {
                        takeQuietly(buffer);
                    }
                    return !putters[0].isAlive() && !putters[1].isAlive();
                });
    }
}
