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
 * Exercise 2, the fast race tests: 4 threads x 100 000 increments, released together, in rounds
 * repeated for about a second. A racy counter loses updates in (nearly) every round; a correct
 * one never does. Slower but exhaustive: {@code CountersLincheckTest} and the jcstress tests.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class CountersTest {

    static final int THREADS = 4;
    static final int INCREMENTS = 100_000;
    static final Duration TIME_BOX = Duration.ofMillis(1000);

    static void assertNoLostUpdates(String name, Supplier<Counter> counters) {
        Stress.repeatFor(TIME_BOX, round -> {
            Counter counter = counters.get();
            Stress.hammer(THREADS, INCREMENTS, counter::increment);
            long expected = (long) THREADS * INCREMENTS;
            long lost = expected - counter.get();
            assertEquals(expected, counter.get(), () -> String.format(
                    "%d threads called %s.increment() %,d times each, so the count should be %,d, but it is %,d:"
                            + " %,d updates were lost (round %d). Two threads fetched the same value and both"
                            + " stored value+1; see the race table in the handout.",
                    THREADS, name, INCREMENTS, expected, counter.get(), lost, round));
        });
    }

    @Test
    @Points(value = 3, group = "counters")
    @DisplayName("SynchronizedCounter loses no updates: 4 threads x 100 000 increments end at 400 000")
    void test01_synchronizedCounter() {
        assertNoLostUpdates("SynchronizedCounter", SynchronizedCounter::new);
    }

    @Test
    @Points(value = 3, group = "counters")
    @DisplayName("AtomicCounter loses no updates: 4 threads x 100 000 increments end at 400 000")
    void test02_atomicCounter() {
        assertNoLostUpdates("AtomicCounter", AtomicCounter::new);
    }

    @Test
    @Points(value = 3, group = "counters")
    @DisplayName("AdderCounter loses no updates: 4 threads x 100 000 increments end at 400 000")
    void test03_adderCounter() {
        assertNoLostUpdates("AdderCounter", AdderCounter::new);
    }

    @Test
    @Points(value = 3, group = "counters")
    @DisplayName("SomeThread3.update() is a critical section: 4 threads x 100 000 updates end at 400 000")
    void test04_someThread3() {
        Stress.repeatFor(TIME_BOX, round -> {
            SomeThread3.reset();
            Stress.hammer(THREADS, INCREMENTS, SomeThread3::update);
            long expected = (long) THREADS * INCREMENTS;
            assertEquals(expected, SomeThread3.count(), () -> String.format(
                    "%d threads called SomeThread3.update() %,d times each, so count should be %,d, but it is %,d"
                            + " (round %d): fetch-increment-store interleaved. Which lock protects a static"
                            + " field?", THREADS, INCREMENTS, expected, SomeThread3.count(), round));
        });
    }
}
