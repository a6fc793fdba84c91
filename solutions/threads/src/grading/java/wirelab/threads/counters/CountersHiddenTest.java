package wirelab.threads.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import wirelab.threads.Guards;

/** Hidden: the counters with more threads, and SomeThread3 run the lecture's way. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class CountersHiddenTest {

    @Test
    @Points(value = 2, group = "counters")
    @DisplayName("SomeThread3 run by 4 Threads (the lecture's way) counts every update")
    void test01_someThread3AsRunnables() {
        CountersTest.assertUpdateSharesOneLock("new SomeThread3(1).run()", () -> new SomeThread3(1).run());
        Stress.repeatFor(Duration.ofMillis(300), round -> {
            SomeThread3.reset();
            StartGate.run(4, worker -> new SomeThread3(500_000).run());
            assertEquals(2_000_000, SomeThread3.count(), "4 SomeThread3(500 000) tasks ran at once; the count"
                    + " should be 2 000 000 (round " + round + "). Each task is its own object: locking 'this'"
                    + " does not protect the shared static count.");
        });
    }

    @Test
    @Points(value = 1, group = "counters")
    @DisplayName("all three counters stay exact with 8 threads incrementing at once")
    void test02_eightThreads() {
        List<Supplier<Counter>> kinds = List.of(SynchronizedCounter::new, AtomicCounter::new, AdderCounter::new);
        for (Supplier<Counter> kind : kinds) {
            Counter sample = kind.get();
            String unguarded = Guards.unguardedWriter(sample.getClass(), kind,
                    sample.getClass().getSimpleName() + ".increment()", Counter::increment);
            if (unguarded != null) {
                throw new AssertionError(sample.getClass().getSimpleName() + ": " + unguarded);
            }
        }
        Stress.repeatFor(Duration.ofMillis(300), round -> {
            for (Supplier<Counter> kind : kinds) {
                Counter counter = kind.get();
                long calls = Stress.hammerFor(8, Duration.ofMillis(100), counter::increment);
                assertEquals(calls, counter.get(), counter.getClass().getSimpleName() + ": 8 threads called"
                        + " increment() " + calls + " times in all, the count should match (round " + round + ")");
            }
        });
    }

    @Test
    @Points(value = 2, group = "counters")
    @DisplayName("SynchronizedCounter.get() takes the lock increment() takes (no read outside the lock)")
    void test03_synchronizedCounterReadsUnderLock() {
        Guards.Guard lock = Guards.lockOf(SynchronizedCounter.class, SynchronizedCounter::new, "increment()",
                Counter::increment);
        if (lock == null) {
            assertTrue(Guards.hasLockFreeField(SynchronizedCounter.class), "the test held SynchronizedCounter's"
                    + " own lock and the lock of each of its fields in turn, and increment() ran to the end on another"
                    + " thread each time: increment() takes no lock, so two threads can interleave count++ (fetch,"
                    + " +1, store). Make increment() and get() synchronized.");
            return;
        }
        String problem = Guards.readerOutsideLock(lock, SynchronizedCounter.class, new SynchronizedCounter(), "get()",
                Counter::get, "increment()");
        if (problem != null && !Guards.hasLockFreeField(SynchronizedCounter.class)) {
            throw new AssertionError("SynchronizedCounter: " + problem);
        }
    }
}
