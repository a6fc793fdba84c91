package wirelab.threads.counters;

// BEGIN SOLUTION
import java.util.concurrent.atomic.LongAdder;
// END SOLUTION

/**
 * Exercise 2c: a counter for MANY writers: {@link java.util.concurrent.atomic.LongAdder} keeps
 * a few cells that threads add to separately and sums them in {@code sum()}. Increments are
 * faster than an AtomicLong under contention; reading the total costs a little more.
 *
 * <p>Tests: {@code CountersTest}, {@code CountersLincheckTest}, jcstress {@code AdderCounterRace}.
 */
public class AdderCounter implements Counter {

    // BEGIN SOLUTION
    private final LongAdder count = new LongAdder();
    // STARTER
    // private long count;   // TODO: a LongAdder
    // END SOLUTION

    @Override
    public void increment() {
        // BEGIN SOLUTION
        count.increment();
        // STARTER
        // count++;
        // END SOLUTION
    }

    @Override
    public long get() {
        // BEGIN SOLUTION
        return count.sum();
        // STARTER
        // return count;
        // END SOLUTION
    }
}
