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

    public void put(T item) throws InterruptedException {
        boolean full = items.size() == capacity;   // looked at before the lock
        synchronized (this) {
            while (full) {
                wait();
                full = items.size() == capacity;
            }
            items.add(item);
            notifyAll();
        }
    }

    public synchronized T take() throws InterruptedException {
        while (items.isEmpty()) {
            wait();
        }
        T item = items.remove();
        notifyAll();
        return item;
    }

    public synchronized int size() {
        return items.size();
    }
}
