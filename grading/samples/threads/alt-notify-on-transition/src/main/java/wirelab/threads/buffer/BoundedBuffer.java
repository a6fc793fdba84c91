package wirelab.threads.buffer;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * Exercise 5: a bounded producer/consumer buffer that wakes the waiting threads only when the
 * state they wait for ends: a put() that makes an empty buffer non-empty, a take() that makes a
 * full buffer non-full. Consumers wait only while the buffer is empty and producers only while
 * it is full, so every waiting thread is woken by such a change.
 */
public class BoundedBuffer<T> {

    private final int capacity;
    private final Queue<T> items = new ArrayDeque<>();

    /** A buffer for at most {@code capacity} items; capacity must be at least 1. */
    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds {@code item} at the end, waiting while the buffer is full. */
    public synchronized void put(T item) throws InterruptedException {
        while (items.size() == capacity) {
            wait();
        }
        boolean wasEmpty = items.isEmpty();
        items.add(item);
        if (wasEmpty) {
            notifyAll();
        }
    }

    /** Removes and returns the oldest item, waiting while the buffer is empty. */
    public synchronized T take() throws InterruptedException {
        while (items.isEmpty()) {
            wait();
        }
        boolean wasFull = items.size() == capacity;
        T item = items.remove();
        if (wasFull) {
            notifyAll();
        }
        return item;
    }

    /** How many items are in the buffer now. */
    public synchronized int size() {
        return items.size();
    }
}
