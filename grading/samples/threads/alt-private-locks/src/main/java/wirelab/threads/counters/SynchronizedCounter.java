package wirelab.threads.counters;

/** A correct alternative: synchronized blocks on a private lock object instead of synchronized methods. */
public class SynchronizedCounter implements Counter {

    private final Object lock = new Object();
    private long count;

    @Override
    public void increment() {
        synchronized (lock) {
            count++;
        }
    }

    @Override
    public long get() {
        synchronized (lock) {
            return count;
        }
    }
}
