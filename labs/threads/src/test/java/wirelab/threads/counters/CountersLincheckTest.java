package wirelab.threads.counters;

import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Points;
import wirelab.threads.RaceTable;

/**
 * Exercise 2, model checking: Lincheck runs small scenarios (a few increment() and get() calls
 * on 2 threads) under many interleavings and checks each result against running the same calls
 * one at a time. A racy counter fails with the interleaving that lost an update: the lecture's
 * race table, built from your code.
 *
 * <p>Runs last: Lincheck rewrites the classes it checks, and the rewritten code races less
 * often, which would weaken the stress and visibility tests.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.MethodName.class)
class CountersLincheckTest {

    static final String LOST = " lost an update";

    /** The operations Lincheck calls on a fresh SynchronizedCounter. */
    public static class SynchronizedCounterOps {
        private final Counter counter = new SynchronizedCounter();

        @Operation
        public void increment() {
            counter.increment();
        }

        @Operation
        public long get() {
            return counter.get();
        }
    }

    public static class AtomicCounterOps {
        private final Counter counter = new AtomicCounter();

        @Operation
        public void increment() {
            counter.increment();
        }

        @Operation
        public long get() {
            return counter.get();
        }
    }

    public static class AdderCounterOps {
        private final Counter counter = new AdderCounter();

        @Operation
        public void increment() {
            counter.increment();
        }

        @Operation
        public long get() {
            return counter.get();
        }
    }

    @Test
    @Points(value = 3, group = "counters")
    @DisplayName("Lincheck finds no interleaving in which SynchronizedCounter loses an update")
    void test01_synchronizedCounter() {
        RaceTable.check(SynchronizedCounterOps.class, "SynchronizedCounter" + LOST, "increment", "increment", "get");
    }

    @Test
    @Points(value = 3, group = "counters")
    @DisplayName("Lincheck finds no interleaving in which AtomicCounter loses an update")
    void test02_atomicCounter() {
        RaceTable.check(AtomicCounterOps.class, "AtomicCounter" + LOST, "increment", "increment", "get");
    }

    @Test
    @Points(value = 3, group = "counters")
    @DisplayName("Lincheck finds no interleaving in which AdderCounter loses an update")
    void test03_adderCounter() {
        RaceTable.check(AdderCounterOps.class, "AdderCounter" + LOST, "increment", "increment", "get");
    }
}
