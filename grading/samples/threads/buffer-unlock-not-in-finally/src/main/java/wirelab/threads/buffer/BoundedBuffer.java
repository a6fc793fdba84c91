package wirelab.threads.buffer;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

public class BoundedBuffer<T> {

    private final int capacity;
    private final Queue<T> items = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();

    public BoundedBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    public void put(T item) throws InterruptedException {
        lock.lock();
        while (items.size() == capacity) {
            notFull.await();
        }
        items.add(item);
        notEmpty.signalAll();
        lock.unlock();
    }

    public T take() throws InterruptedException {
        lock.lock();
        while (items.isEmpty()) {
            notEmpty.await();
        }
        T item = items.remove();
        notFull.signalAll();
        lock.unlock();
        return item;
    }

    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }
}
