package wirelab.threads.lazy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A correct alternative: a lock-free fast path (get), then computeIfAbsent for a new name. */
public class IdRegistry {

    private final ConcurrentMap<String, Integer> ids = new ConcurrentHashMap<>();
    private final AtomicInteger lastId = new AtomicInteger();

    public int idFor(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        return ids.computeIfAbsent(name, n -> lastId.incrementAndGet());
    }

    public int idsMade() {
        return lastId.get();
    }
}
