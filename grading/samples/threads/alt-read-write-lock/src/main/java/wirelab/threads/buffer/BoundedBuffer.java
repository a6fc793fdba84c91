package wirelab.threads.buffer;

import java.util.LinkedList;
import java.util.concurrent.atomic.AtomicInteger;

/** A correct alternative: synchronized on a private lock, and the size kept in an AtomicInteger that size() reads without the lock. */
public class BoundedBuffer<T> {

    private final int capacity;
    private final LinkedList<T> items = new LinkedList<>();
    private final Object lock = new Object();
    private final AtomicInteger size = new AtomicInteger();

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " < 1");
        }
        this.capacity = capacity;
    }

    public void put(T item) throws InterruptedException {
        synchronized (lock) {
            while (items.size() >= capacity) {
                lock.wait();
            }
            items.addLast(item);
            size.incrementAndGet();
            lock.notifyAll();
        }
    }

    public T take() throws InterruptedException {
        synchronized (lock) {
            while (items.isEmpty()) {
                lock.wait();
            }
            T item = items.removeFirst();
            size.decrementAndGet();
            lock.notifyAll();
            return item;
        }
    }

    public int size() {
        return size.get();
    }
}
