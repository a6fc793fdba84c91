package wirelab.threads.counters;

public class SynchronizedCounter implements Counter {

    private long count;

    @Override
    public void increment() {
        synchronized (new Object()) {   // a fresh lock per call: excludes no one
            count++;
        }
    }

    @Override
    public long get() {
        synchronized (new Object()) {
            return count;
        }
    }
}
