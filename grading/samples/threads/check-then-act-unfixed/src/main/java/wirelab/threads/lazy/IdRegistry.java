package wirelab.threads.lazy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

public class IdRegistry {

    private final ConcurrentMap<String, Integer> ids = new ConcurrentHashMap<>();
    private final AtomicInteger lastId = new AtomicInteger();

    public int idFor(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            id = lastId.incrementAndGet();
            ids.put(name, id);
        }
        return id;
    }

    public int idsMade() {
        return lastId.get();
    }
}
