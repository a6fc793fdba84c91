package wirelab.threads.buffer;

import java.util.ArrayDeque;
import java.util.Queue;

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
        if (items.size() == capacity) {
            wait();
        }
        items.add(item);
        notify();
    }

    public synchronized T take() throws InterruptedException {
        if (items.isEmpty()) {
            wait();
        }
        T item = items.poll();
        notify();
        return item;
    }

    public synchronized int size() {
        return items.size();
    }
}
