package wirelab.threads.counters;

/**
 * Exercise 2: a counter many threads share. Every implementation in this package must end at
 * exactly N after N calls of {@link #increment()}, however the calls overlap.
 */
public interface Counter {

    /** Adds one. Called by many threads at the same time. */
    void increment();

    /** The current count. */
    long get();
}
