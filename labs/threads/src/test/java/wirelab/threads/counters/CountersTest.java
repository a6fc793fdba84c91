package wirelab.threads.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Points;
import wirelab.testkit.Stress;

/**
 * Exercise 2, the fast race tests: 4 threads released together call increment() for 0.2 s each,
 * in rounds repeated for about two seconds; the count must equal the number of calls. A racy
 * counter loses updates in (nearly) every round; a correct one never does. Slower but
 * exhaustive: {@code CountersLincheckTest} and the jcstress tests.
 *
 * <p>Each thread runs for a fixed time, not a fixed number of calls: on a busy machine 100 000
 * calls fit in one scheduler time slice, the threads run one after another and never race.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class CountersTest {

    static final int THREADS = 4;
    static final Duration ROUND = Duration.ofMillis(200);
    static final Duration TIME_BOX = Duration.ofMillis(2000);

    static void assertNoLostUpdates(String name, Supplier<Counter> counters) {
        Stress.repeatFor(TIME_BOX, round -> {
            Counter counter = counters.get();
            long calls = Stress.hammerFor(THREADS, ROUND, counter::increment);
            long count = counter.get();
            assertEquals(calls, count, () -> String.format(
                    "%d threads called %s.increment() %,d times in all, so the count should be %,d, but it is"
                            + " %,d: %,d updates were lost (round %d). Two threads fetched the same value and"
                            + " both stored value+1; see the race table in the handout.",
                    THREADS, name, calls, calls, count, calls - count, round));
        });
    }

    @Test
    @Points(value = 3, group = "counters")
    @DisplayName("SynchronizedCounter loses no updates: 4 threads incrementing at once end at the number of calls")
    void test01_synchronizedCounter() {
        assertNoLostUpdates("SynchronizedCounter", SynchronizedCounter::new);
    }

    @Test
    @Points(value = 3, group = "counters")
    @DisplayName("AtomicCounter loses no updates: 4 threads incrementing at once end at the number of calls")
    void test02_atomicCounter() {
        assertNoLostUpdates("AtomicCounter", AtomicCounter::new);
    }

    @Test
    @Points(value = 3, group = "counters")
    @DisplayName("AdderCounter loses no updates: 4 threads incrementing at once end at the number of calls")
    void test03_adderCounter() {
        assertNoLostUpdates("AdderCounter", AdderCounter::new);
    }

    @Test
    @Points(value = 3, group = "counters")
    @DisplayName("SomeThread3.update() is a critical section: 4 threads calling it at once lose no update")
    void test04_someThread3() {
        Stress.repeatFor(TIME_BOX, round -> {
            SomeThread3.reset();
            long calls = Stress.hammerFor(THREADS, ROUND, SomeThread3::update);
            long count = SomeThread3.count();
            assertEquals(calls, count, () -> String.format(
                    "%d threads called SomeThread3.update() %,d times in all, so count should be %,d, but it is"
                            + " %,d (round %d): fetch-increment-store interleaved. Which lock protects a static"
                            + " field?", THREADS, calls, calls, count, round));
        });
    }
}
