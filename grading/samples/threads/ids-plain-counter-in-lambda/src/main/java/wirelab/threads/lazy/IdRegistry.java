package wirelab.threads.lazy;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

public class IdRegistry {

    private final ConcurrentMap<String, Integer> ids = new ConcurrentHashMap<>();
    private int count;

    public int idFor(String name) {
        return ids.computeIfAbsent(name, n -> ++count);
    }

    public int idsMade() {
        return ids.size();
    }
}
