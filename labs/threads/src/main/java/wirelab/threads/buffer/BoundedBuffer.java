package wirelab.threads.buffer;


/**
 * Exercise 5: a bounded producer/consumer buffer. {@link #put} waits while the buffer is full,
 * {@link #take} waits while it is empty; items come out in the order they went in (FIFO).
 *
 * <p>Use the object's monitor: {@code synchronized} methods, {@code wait()} in a
 * {@code while} loop (a woken thread must check its condition again) and {@code notifyAll()}
 * after every change (with {@code notify()} the one woken thread may be the wrong kind).
 *
 * <p>Tests: {@code BoundedBufferTest}.
 */
public class BoundedBuffer<T> {


    /** A buffer for at most {@code capacity} items; capacity must be at least 1. */
    public BoundedBuffer(int capacity) {
        throw new UnsupportedOperationException("TODO: check the capacity (at least 1) and keep it");
    }

    /** Adds {@code item} at the end, waiting while the buffer is full. */
    public synchronized void put(T item) throws InterruptedException {
        throw new UnsupportedOperationException("TODO: wait while full, add the item, wake the waiting threads");
    }

    /** Removes and returns the oldest item, waiting while the buffer is empty. */
    public synchronized T take() throws InterruptedException {
        throw new UnsupportedOperationException("TODO: wait while empty, remove the oldest item, wake the waiting threads");
    }

    /** How many items are in the buffer now. */
    public synchronized int size() {
        throw new UnsupportedOperationException("TODO: the number of items in the buffer");
    }
}
