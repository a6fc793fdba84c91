package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Interleaving;
import wirelab.testkit.Points;
import wirelab.testkit.StartGate;
import wirelab.testkit.Stress;

/**
 * Hidden: the hit counter READ while other threads count. Counting under a lock and reading
 * without it is a data race too: a {@code HashMap} read during another thread's {@code put}
 * can see the table half rebuilt (a resize moves the entries to a new table one bucket at a
 * time) and find nothing, so a path with hits reads 0.
 *
 * <p>The watched path lands in the last bucket at every table size, so every resize moves it
 * last: the window in which an unlocked read misses it is the whole resize. Readers and the
 * writer start together at a start gate, and the readers read for as long as the writer counts.
 */
@Timeout(30)
class HiddenHitCounterTest {

    /** Its spread hash ({@code h ^ h >>> 16}) ends in 22 one-bits: the last bucket of tables up to 4 M. */
    static final String WATCHED = "/hits/watched-4075735";
    static final int NEW_PATHS = 1 << 16;
    static final int READERS = 2;

    @Test
    @Points(2)
    @DisplayName("hits() read while other threads count new paths never loses a path's hits (reads need the lock too)")
    void test01_readsWhileCounting() {
        int spread = WATCHED.hashCode() ^ (WATCHED.hashCode() >>> 16);
        assertEquals(0x3FFFFF, spread & 0x3FFFFF, "test setup: the watched path's hash");
        String[] paths = new String[NEW_PATHS];
        for (int i = 0; i < NEW_PATHS; i++) {
            paths[i] = "/hits/p" + i;
        }
        Stress.repeatFor(Duration.ofSeconds(1), round -> {
            HitCounterServlet counter = new HitCounterServlet();
            counter.hit(WATCHED);
            AtomicBoolean counting = new AtomicBoolean(true);
            StartGate.run(1 + READERS, Duration.ofSeconds(15), worker -> {
                if (worker == 0) {
                    try {
                        for (String p : paths) {
                            counter.hit(p);
                        }
                    } finally {
                        counting.set(false);
                    }
                    return;
                }
                long reads = 0;
                while (counting.get()) {
                    long seen = counter.hits(WATCHED);
                    reads++;
                    if (seen != 1) {
                        throw new AssertionError(String.format("%s had 1 hit, but hits(\"%s\") read %d (read %,d of round"
                                + " %d) while another thread counted hits on new paths: the read does not hold the lock the"
                                + " counting holds, so it saw the map in the middle of a change (a resize). Reads of shared"
                                + " state need the same lock, or a thread-safe map (ConcurrentHashMap)", WATCHED, WATCHED,
                                seen, reads, round));
                    }
                }
            });
            assertEquals(1, counter.hits(WATCHED), "hits on " + WATCHED + " after round " + round);
        });
    }

    @Test
    @Points(2)
    @DisplayName("4 threads making the first hits on the same new paths at once: no path loses a hit")
    void test02_firstHitsOnNewPaths() {
        String[] paths = new String[1 << 15];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = "/hits/new-" + i;
        }
        // the threads walk the same paths in the same order: one that falls behind finds the counters
        // made, is faster, and catches up, so they keep meeting on paths that have no counter yet
        Stress.repeatFor(Duration.ofMillis(1500), round -> {
            HitCounterServlet counter = new HitCounterServlet();
            StartGate.run(4, Duration.ofSeconds(15), worker -> {
                for (String p : paths) {
                    counter.hit(p);
                }
            });
            long lost = 0;
            String example = null;
            for (String p : paths) {
                long n = counter.hits(p);
                if (n != 4) {
                    lost += 4 - n;
                    example = example == null ? p + " counted " + n : example;
                }
            }
            assertEquals(0, counter.hits("/hits/never"), "hits() of a path nobody asked for (round " + round + ")");
            if (lost != 0) {
                throw new AssertionError(String.format("4 threads each hit %,d new paths once (round %d), but %,d hits"
                        + " were lost, e.g. %s of 4: two threads both found no counter for a path and both created"
                        + " one, and the second replaced the first with its hit (check-then-act). Create the counter"
                        + " atomically: computeIfAbsent, putIfAbsent or merge", paths.length, round, lost, example));
            }
        });
    }

    @Test
    @Points(1)
    @DisplayName("two hits on one path, played in turn (the second runs while the first is held right after it read the map): both count, on a new path and on one with hits")
    void test03_twoHitsPlayedInTurn() throws Exception {
        HitCounterServlet fresh = new HitCounterServlet();
        String heldAt = played(fresh, () -> fresh.hit("/hits/new"), () -> fresh.hit("/hits/new"));
        assertEquals(2, fresh.hits("/hits/new"), "two hits on a new path, the second made while the first was held"
                + (heldAt == null ? "" : " right after its " + heldAt + "()") + ", counted " + fresh.hits("/hits/new")
                + ": both found no counter and both made one, and the second one's was replaced (check-then-act)."
                + " Create the counter in one atomic step: computeIfAbsent, putIfAbsent or merge");
        HitCounterServlet used = new HitCounterServlet();
        used.hit("/hits/home");
        heldAt = played(used, () -> used.hit("/hits/home"), () -> used.hit("/hits/home"));
        assertEquals(3, used.hits("/hits/home"), "a path with 1 hit got two more, the second made while the first was"
                + " held" + (heldAt == null ? "" : " right after its " + heldAt + "()") + ", and counts "
                + used.hits("/hits/home") + ": both read the old count and both wrote count + 1 (read-modify-write)."
                + " Count with one atomic step (a LongAdder or AtomicLong, merge, or one lock around read and write)");
    }

    /**
     * Plays two hits on one counter, the first held right after its first read of the map of counts
     * (see {@link Interleaving}); returns where it was held, or null (it never read the map).
     */
    private static String played(HitCounterServlet counter, Callable<?> first, Callable<?> second) throws Exception {
        return Interleaving.in(counter, Interleaving.Holds.READS).calls("hit").whenACallThrows("")
                .noMap("this test holds one thread inside HitCounterServlet's map of counts, but found no Map"
                        + " field it could hold it in: keep the counts in a Map field (a ConcurrentHashMap, a HashMap ...)")
                .run(first, second).firstHeldAt();
    }
}
