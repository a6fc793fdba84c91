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
import wirelab.threads.Guards;

/**
 * Exercise 2, the fast race tests. First, with no race needed: get() only reads, and
 * increment() takes a lock the test can hold it back with (or counts in an atomic field), so a
 * counter that takes no lock fails the same way every run. Then 4 threads released together call
 * increment() for 0.2 s; the count must equal the number of calls. The lost update itself is
 * shown deterministically by {@code CountersLincheckTest}; exhaustive: the jcstress tests.
 *
 * <p>Each thread runs for a fixed time, not a fixed number of calls: on a busy machine 100 000
 * calls fit in one scheduler time slice, the threads run one after another and never race.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class CountersTest {

    static final int THREADS = 4;
    static final Duration ROUND = Duration.ofMillis(200);
    /** One round: the checks before it and Lincheck decide; more rounds only made grading slower. */
    static final Duration TIME_BOX = ROUND;

    /** The contract of one thread alone first: get() starts at 0 and only reads. */
    static void assertCountsAlone(String name, Counter counter) {
        assertEquals(0, counter.get(), "a new " + name + ": get() before any increment()");
        assertEquals(0, counter.get(), "a new " + name + ": get() called a second time (get() only reads"
                + " the count; it must not change it)");
        for (int i = 0; i < 3; i++) {
            counter.increment();
        }
        assertEquals(3, counter.get(), name + ": get() after 3 increment() calls");
        assertEquals(3, counter.get(), name + ": get() again after 3 increment() calls (get() only reads)");
    }

    static void assertNoLostUpdates(String name, Supplier<Counter> counters) {
        assertCountsAlone(name, counters.get());
        Counter sample = counters.get();
        String unguarded = Guards.unguardedWriter(sample.getClass(), counters, name + ".increment()", Counter::increment);
        if (unguarded != null) {
            throw new AssertionError(name + ": " + unguarded);
        }
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
        assertUpdateSharesOneLock("SomeThread3.update()", SomeThread3::update);
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

    /**
     * Deterministic part of the SomeThread3 tests: with the lock every task must share held by
     * the test (the class's, or a static lock field), {@code call} on another thread must stop.
     */
    static void assertUpdateSharesOneLock(String what, Runnable call) {
        SomeThread3.reset();
        Guards.Guard shared = Guards.lockOf(SomeThread3.class, () -> null, what, ignored -> call.run());
        SomeThread3.reset();
        if (shared == null) {
            throw new AssertionError("the test held SomeThread3.class's lock (what static synchronized takes) and"
                    + " every static field of SomeThread3 in turn, and " + what + " ran to the end on another thread"
                    + " each time: it takes no lock that all SomeThread3 tasks share. count is static, ONE count for"
                    + " every task, so the lock must be one too (synchronized on an instance locks 'this': every"
                    + " task its own lock).");
        }
    }
}
