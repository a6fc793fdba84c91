package wirelab.threads.buffer;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Semaphore;

/** A correct alternative: a Semaphore counts the free places, another the items; the queue has its own lock. */
public class BoundedBuffer<T> {

    private final Queue<T> items = new ArrayDeque<>();
    private final Semaphore free;
    private final Semaphore used = new Semaphore(0);

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        free = new Semaphore(capacity);
    }

    public void put(T item) throws InterruptedException {
        free.acquire();
        synchronized (items) {
            items.add(item);
        }
        used.release();
    }

    public T take() throws InterruptedException {
        used.acquire();
        T item;
        synchronized (items) {
            item = items.remove();
        }
        free.release();
        return item;
    }

    public int size() {
        synchronized (items) {
            return items.size();
        }
    }
}
