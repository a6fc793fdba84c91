package wirelab.threads.counters;

// BEGIN SOLUTION
import java.util.concurrent.atomic.AtomicLong;
// END SOLUTION

/**
 * Exercise 2b: the same counter without locks: {@link java.util.concurrent.atomic.AtomicLong}
 * does fetch-increment-store as ONE indivisible step ({@code incrementAndGet}).
 * Note that {@code volatile long count} is not enough: volatile makes writes visible, but
 * {@code count++} on it is still three steps.
 *
 * <p>Tests: {@code CountersTest}, {@code CountersLincheckTest}, jcstress {@code AtomicCounterRace}.
 */
public class AtomicCounter implements Counter {

    // BEGIN SOLUTION
    private final AtomicLong count = new AtomicLong();
    // STARTER
    // private long count;   // TODO: an AtomicLong
    // END SOLUTION

    @Override
    public void increment() {
        // BEGIN SOLUTION
        count.incrementAndGet();
        // STARTER
        // count++;
        // END SOLUTION
    }

    @Override
    public long get() {
        // BEGIN SOLUTION
        return count.get();
        // STARTER
        // return count;
        // END SOLUTION
    }
}
