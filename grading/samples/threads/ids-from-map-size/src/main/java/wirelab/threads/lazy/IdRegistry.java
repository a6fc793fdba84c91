package wirelab.threads.lazy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

public class IdRegistry {

    private final ConcurrentMap<String, Integer> ids = new ConcurrentHashMap<>();
    private final AtomicInteger lastId = new AtomicInteger();

    public int idFor(String name) {
        return ids.computeIfAbsent(name, n -> ids.size() + 1);
    }

    public int idsMade() {
        return ids.size();
    }
}
