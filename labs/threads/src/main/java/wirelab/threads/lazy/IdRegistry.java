package wirelab.threads.lazy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exercise 3: check-then-act. Hands out one id per name: the first call for "ann" makes her id,
 * every later call returns the same one.
 *
 * <p>The starter checks ("is ann there?") and then acts ("no: make an id, put it"). Each step is
 * thread-safe, a ConcurrentHashMap, but the PAIR is not: two threads can both see "not there"
 * and both make an id, so ann gets two ids. Make check and act one atomic step.
 *
 * <p>Tests: {@code IdRegistryTest}, {@code IdRegistryLincheckTest}, jcstress {@code IdRegistryRace}.
 */
public class IdRegistry {

    private final ConcurrentMap<String, Integer> ids = new ConcurrentHashMap<>();
    private final AtomicInteger lastId = new AtomicInteger();

    /** The id of {@code name}, made on the first call (1, 2, 3, … in order of first calls). */
    public int idFor(String name) {
        Integer id = ids.get(name);          // check ...
        if (id == null) {
            id = lastId.incrementAndGet();   // ... then act: another thread may do the same now
            ids.put(name, id);
        }
        return id;
    }

    /** How many ids were made so far: one per distinct name. */
    public int idsMade() {
        return lastId.get();
    }
}
