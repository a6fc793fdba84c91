package wirelab.threads.lazy;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/** A correct alternative: check and act under one ReentrantLock, on a synchronized map. */
public class IdRegistry {

    private final Map<String, Integer> ids = Collections.synchronizedMap(new HashMap<>());
    private final AtomicInteger lastId = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();

    /** The id of {@code name}, made on the first call (1, 2, 3, … in order of first calls). */
    public int idFor(String name) {
        lock.lock();
        try {
            Integer id = ids.get(name);
            if (id == null) {
                id = lastId.incrementAndGet();
                ids.put(name, id);
            }
            return id;
        } finally {
            lock.unlock();
        }
    }

    /** How many ids were made so far: one per distinct name. */
    public int idsMade() {
        return lastId.get();
    }
}
