package wirelab.threads.counters;

/** HOSTILE SAMPLE: ends the JVM with exit code 0 the first time it is used. */
public class AtomicCounter implements Counter {

    @Override
    public void increment() {
        System.exit(0);
    }

    @Override
    public long get() {
        return 0;
    }
}
