package wirelab.threads.lazy;

import java.util.HashMap;
import java.util.Map;

/** A correct alternative: one lock around check and act, a plain map and counter under it. */
public class IdRegistry {

    private final Map<String, Integer> ids = new HashMap<>();
    private int lastId;

    public synchronized int idFor(String name) {
        Integer id = ids.get(name);
        if (id == null) {
            id = ++lastId;
            ids.put(name, id);
        }
        return id;
    }

    public synchronized int idsMade() {
        return lastId;
    }
}
