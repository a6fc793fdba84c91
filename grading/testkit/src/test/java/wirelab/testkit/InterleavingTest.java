package wirelab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import wirelab.testkit.Interleaving.Holds;

/** The played interleaving shows a two-step update's race every time, and an atomic one's absence of it. */
class InterleavingTest {

    /** Counts in two steps: a read, then a write. */
    static final class TwoStepCounter {
        private final Map<String, Integer> counts = new ConcurrentHashMap<>();

        int hit(String key) {
            int n = counts.getOrDefault(key, 0) + 1;
            counts.put(key, n);
            return n;
        }
    }

    /** Counts in one atomic step. */
    static final class MergeCounter {
        private final ConcurrentHashMap<String, Integer> counts = new ConcurrentHashMap<>();

        int hit(String key) {
            return counts.merge(key, 1, Integer::sum);
        }
    }

    /** Counts in two steps under one lock: the second call waits for the first. */
    static final class LockedCounter {
        private final HashMap<String, Integer> counts = new HashMap<>();

        synchronized int hit(String key) {
            int n = counts.getOrDefault(key, 0) + 1;
            counts.put(key, n);
            return n;
        }
    }

    @Test
    void aReadThenWriteLosesTheSecondUpdateEveryTime() throws Exception {
        for (Holds holds : Holds.values()) {
            TwoStepCounter c = new TwoStepCounter();
            var played = Interleaving.in(c, holds).run(() -> c.hit("k"), () -> c.hit("k"));
            assertEquals(1, played.first(), holds + ": the first call read 0 before the second one ran");
            assertEquals(1, played.second());
            // a proxy in front of the Map sees getOrDefault; a ConcurrentHashMap's getOrDefault calls its get
            assertEquals(holds == Holds.READS ? "getOrDefault" : "get", played.firstHeldAt());
            assertEquals(", in " + played.firstHeldAt() + "()", played.where());
        }
    }

    @Test
    void anAtomicStepOrALockGivesSomeOneAtATimeOrder() throws Exception {
        MergeCounter merge = new MergeCounter();
        var reads = Interleaving.in(merge, Holds.READS).run(() -> merge.hit("k"), () -> merge.hit("k"));
        assertNull(reads.firstHeldAt(), "merge is no read: the first call ran alone");
        assertEquals(3, reads.first() + reads.second());
        MergeCounter again = new MergeCounter();
        var steps = Interleaving.in(again, Holds.EVERY_STEP).run(() -> again.hit("k"), () -> again.hit("k"));
        assertEquals("merge" + Interleaving.DONE, steps.firstHeldAt());
        assertEquals(1, steps.first());
        assertEquals(2, steps.second());

        LockedCounter locked = new LockedCounter();
        var waited = Interleaving.in(locked, Holds.EVERY_STEP).run(() -> locked.hit("k"), () -> locked.hit("k"));
        assertEquals(1, waited.first());
        assertEquals(2, waited.second());
        assertTrue(waited.secondWaitedOn().startsWith("BLOCKED in ")
                && waited.secondWaitedOn().contains(LockedCounter.class.getName() + ".hit"), waited.secondWaitedOn());
    }

    @Test
    void noMapToHoldInIsSaid() {
        Object none = new Object() {
            private final String notAMap = "";
        };
        AssertionError e = assertThrows(AssertionError.class,
                () -> Interleaving.in(none, Holds.READS).noMap("keep it in a Map field").run(() -> 1, () -> 2));
        assertEquals("keep it in a Map field", e.getMessage());
    }

    @Test
    void aCallThatThrowsFailsWithTheAdviceOrIsThrownAsItIs() {
        TwoStepCounter c = new TwoStepCounter();
        AssertionError e = assertThrows(AssertionError.class, () -> Interleaving.in(c, Holds.READS).calls("request")
                .whenACallThrows(": it should never throw").run(() -> c.hit("k"), () -> {
                    throw new IllegalStateException("boom");
                }));
        assertEquals("the second request threw java.lang.IllegalStateException: boom: it should never throw", e.getMessage());
        TwoStepCounter d = new TwoStepCounter();
        assertThrows(IllegalStateException.class, () -> Interleaving.in(d, Holds.READS).run(() -> d.hit("k"), () -> {
            throw new IllegalStateException("boom");
        }));
    }
}
