package wirelab.threads.counters;

/** HOSTILE SAMPLE: increment() never returns and ignores interrupts. */
public class SynchronizedCounter implements Counter {

    private long count;

    @Override
    public synchronized void increment() {
        while (count >= 0) {
            count = count | 1;   // spin forever
        }
    }

    @Override
    public synchronized long get() {
        return count;
    }
}
