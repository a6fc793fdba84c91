package wirelab.threads.counters;


/**
 * Exercise 2c: a counter for MANY writers: {@link java.util.concurrent.atomic.LongAdder} keeps
 * a few cells that threads add to separately and sums them in {@code sum()}. Increments are
 * faster than an AtomicLong under contention; reading the total costs a little more.
 *
 * <p>Tests: {@code CountersTest}, {@code CountersLincheckTest}, jcstress {@code AdderCounterRace}.
 */
public class AdderCounter implements Counter {

    private long count;   // TODO: a LongAdder

    @Override
    public void increment() {
        count++;
    }

    @Override
    public long get() {
        return count;
    }
}
