package wirelab.threads.counters;

/**
 * The lecture's race condition, kept broken on purpose: {@code count++} is three steps
 * (fetch, increment, store), and two threads can interleave them and lose an update.
 * Do not fix this one: the jcstress demo {@code RaceCondition_01_LostUpdate} runs it to show
 * the lost update. Fix the other counters in this package instead.
 */
public class UnsafeCounter implements Counter {

    private long count;

    @Override
    public void increment() {
        count++;   // fetch count, add 1, store it back: another thread can run in between
    }

    @Override
    public long get() {
        return count;
    }
}
