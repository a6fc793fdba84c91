package wirelab.threads.buffer;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

public class BoundedBuffer<T> {

    private final int capacity;
    private final Queue<T> items = new ArrayDeque<>();
    private final AtomicInteger count = new AtomicInteger();

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
        count.incrementAndGet();
        notifyAll();
    }

    public T take() throws InterruptedException {
        if (count.get() == 0) {
            synchronized (this) {
                while (items.isEmpty()) {
                    wait();
                }
            }
        }
        synchronized (this) {
            T item = items.poll();
            if (item != null) {
                count.decrementAndGet();
            }
            notifyAll();
            return item;
        }
    }

    public int size() {
        return count.get();
    }
}
