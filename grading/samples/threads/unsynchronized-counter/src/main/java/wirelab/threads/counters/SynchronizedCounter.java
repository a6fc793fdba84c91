package wirelab.threads.counters;

public class SynchronizedCounter implements Counter {

    private long count;

    @Override
    public void increment() {
        count++;
    }

    @Override
    public long get() {
        return count;
    }
}
