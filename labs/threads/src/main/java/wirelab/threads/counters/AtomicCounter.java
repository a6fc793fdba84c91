package wirelab.threads.counters;


/**
 * Exercise 2b: the same counter without locks: {@link java.util.concurrent.atomic.AtomicLong}
 * does fetch-increment-store as ONE indivisible step ({@code incrementAndGet}).
 * Note that {@code volatile long count} is not enough: volatile makes writes visible, but
 * {@code count++} on it is still three steps.
 *
 * <p>Tests: {@code CountersTest}, {@code CountersLincheckTest}, jcstress {@code AtomicCounterRace}.
 */
public class AtomicCounter implements Counter {

    private long count;   // TODO: an AtomicLong

    @Override
    public void increment() {
        count++;
    }

    @Override
    public long get() {
        return count;
    }
}
