package wirelab.threads.counters;

public class AtomicCounter implements Counter {

    private volatile long count;   // volatile: every thread sees the latest value, but ++ is still 3 steps

    @Override
    public void increment() {
        count++;
    }

    @Override
    public long get() {
        return count;
    }
}
