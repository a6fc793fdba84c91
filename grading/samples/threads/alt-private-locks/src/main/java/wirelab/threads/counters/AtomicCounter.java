package wirelab.threads.counters;

import java.util.concurrent.atomic.AtomicLong;

/** A correct alternative: AtomicLong.updateAndGet instead of incrementAndGet. */
public class AtomicCounter implements Counter {

    private final AtomicLong count = new AtomicLong();

    @Override
    public void increment() {
        count.updateAndGet(c -> c + 1);
    }

    @Override
    public long get() {
        return count.get();
    }
}
