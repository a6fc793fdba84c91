package wirelab.threads.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Points;
import wirelab.testkit.StartGate;
import wirelab.testkit.Stress;

/** Hidden: the counters with more threads, and SomeThread3 run the lecture's way. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class CountersHiddenTest {

    @Test
    @Points(value = 2, group = "counters")
    @DisplayName("SomeThread3 run by 4 Threads (the lecture's way) counts every update")
    void test01_someThread3AsRunnables() {
        Stress.repeatFor(Duration.ofMillis(800), round -> {
            SomeThread3.reset();
            StartGate.run(4, worker -> new SomeThread3(500_000).run());
            assertEquals(2_000_000, SomeThread3.count(), "4 SomeThread3(500 000) tasks ran at once; the count"
                    + " should be 2 000 000 (round " + round + "). Each task is its own object: locking 'this'"
                    + " does not protect the shared static count.");
        });
    }

    @Test
    @Points(value = 3, group = "counters")
    @DisplayName("all three counters stay exact with 8 threads incrementing at once")
    void test02_eightThreads() {
        List<Supplier<Counter>> kinds = List.of(SynchronizedCounter::new, AtomicCounter::new, AdderCounter::new);
        Stress.repeatFor(Duration.ofMillis(900), round -> {
            for (Supplier<Counter> kind : kinds) {
                Counter counter = kind.get();
                long calls = Stress.hammerFor(8, Duration.ofMillis(100), counter::increment);
                assertEquals(calls, counter.get(), counter.getClass().getSimpleName() + ": 8 threads called"
                        + " increment() " + calls + " times in all, the count should match (round " + round + ")");
            }
        });
    }
}
