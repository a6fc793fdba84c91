package wirelab.threads.buffer;

// BEGIN SOLUTION
import java.util.ArrayDeque;
import java.util.Queue;
// END SOLUTION

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

    // BEGIN SOLUTION
    private final int capacity;
    private final Queue<T> items = new ArrayDeque<>();
    // END SOLUTION

    /** A buffer for at most {@code capacity} items; capacity must be at least 1. */
    public BoundedBuffer(int capacity) {
        // BEGIN SOLUTION
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        // STARTER TODO: check the capacity (at least 1) and keep it
        // END SOLUTION
    }

    /** Adds {@code item} at the end, waiting while the buffer is full. */
    public synchronized void put(T item) throws InterruptedException {
        // BEGIN SOLUTION
        while (items.size() == capacity) {
            wait();
        }
        items.add(item);
        notifyAll();
        // STARTER TODO: wait while full, add the item, wake the waiting threads
        // END SOLUTION
    }

    /** Removes and returns the oldest item, waiting while the buffer is empty. */
    public synchronized T take() throws InterruptedException {
        // BEGIN SOLUTION
        while (items.isEmpty()) {
            wait();
        }
        T item = items.remove();
        notifyAll();
        return item;
        // STARTER TODO: wait while empty, remove the oldest item, wake the waiting threads
        // END SOLUTION
    }

    /** How many items are in the buffer now. */
    public synchronized int size() {
        // BEGIN SOLUTION
        return items.size();
        // STARTER TODO: the number of items in the buffer
        // END SOLUTION
    }
}
