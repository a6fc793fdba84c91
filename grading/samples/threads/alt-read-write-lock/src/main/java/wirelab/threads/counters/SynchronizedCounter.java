package wirelab.threads.counters;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** A correct alternative: a ReadWriteLock; readers share the read lock, increment() takes the write lock. */
public class SynchronizedCounter implements Counter {

    private final ReadWriteLock rw = new ReentrantReadWriteLock();
    private long count;

    @Override
    public void increment() {
        rw.writeLock().lock();
        try {
            count++;
        } finally {
            rw.writeLock().unlock();
        }
    }

    @Override
    public long get() {
        rw.readLock().lock();
        try {
            return count;
        } finally {
            rw.readLock().unlock();
        }
    }
}
