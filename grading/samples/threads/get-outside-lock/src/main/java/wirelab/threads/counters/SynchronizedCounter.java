package wirelab.threads.counters;

/**
 * Exercise 2a: make {@code count++} safe with {@code synchronized} methods: only one thread at
 * a time may run a synchronized method of the same object, so fetch-increment-store can no
 * longer interleave. {@code get()} needs it too, so readers see the latest count.
 *
 * <p>Tests: {@code CountersTest}, {@code CountersLincheckTest}, jcstress {@code SynchronizedCounterRace}.
 */
public class SynchronizedCounter implements Counter {

    private long count;

    @Override
    public synchronized void increment() {
        count++;
    }

    @Override
    public long get() {
        return count;
    }
}
