package wirelab.threads.counters;

import java.util.concurrent.atomic.LongAdder;

/** HOSTILE SAMPLE: every increment leaves a thread behind that sleeps forever. */
public class AdderCounter implements Counter {

    private final LongAdder count = new LongAdder();

    @Override
    public void increment() {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // keep the thread count up
            }
        });
        t.start();
        count.increment();
    }

    @Override
    public long get() {
        return count.sum();
    }
}
