package wirelab.threads.buffer;

import java.util.ArrayDeque;
import java.util.Queue;

/** SAMPLE: put() and take() wait in a while loop but never notify: a waiting thread is never woken. */
public class BoundedBuffer<T> {

    private final int capacity;
    private final Queue<T> items = new ArrayDeque<>();

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void put(T item) throws InterruptedException {
        while (items.size() == capacity) {
            wait();
        }
        items.add(item);
    }

    public synchronized T take() throws InterruptedException {
        while (items.isEmpty()) {
            wait();
        }
        return items.remove();
    }

    public synchronized int size() {
        return items.size();
    }
}
