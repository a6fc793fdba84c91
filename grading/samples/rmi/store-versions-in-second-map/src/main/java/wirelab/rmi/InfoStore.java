package wirelab.rmi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The remote object behind the INFO service (tasks 1 and 2).
 *
 * <p>RMI runs every incoming call on a thread of its own, so many clients are inside these
 * methods at once. The store must lose no update and must not make every reader wait behind
 * one lock: with a very large set of keys and many users, that lock would be the bottleneck.
 *
 * <p>It is a plain object: {@link InfoServer} exports it (makes it reachable by RMI).
 */
public class InfoStore implements InfoService {

    /** How long a listener may take to answer before the store drops it. */
    public static final Duration DEFAULT_CALLBACK_TIMEOUT = Duration.ofSeconds(2);

    // The values in one map, their versions counted in another: each step atomic, the two together not.
    private final Map<String, Info> infos = new ConcurrentHashMap<>();
    private final Callbacks callbacks;
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    public InfoStore() {
        this(DEFAULT_CALLBACK_TIMEOUT);
    }

    public InfoStore(Duration callbackTimeout) {
        this.callbacks = new Callbacks(callbackTimeout);
    }

    @Override
    public Info bind(String key, Info value) {
        checkKey(key);
        if (value == null) {
            throw new IllegalArgumentException("value must not be null (use remove to unbind a key)");
        }
        long version = versions.merge(key, 1L, Long::sum);
        Info stored = value.withVersion(version);
        infos.put(key, stored);
        callbacks.publish(key, stored);   // outside compute: never call out while holding the key's lock
        return stored;
    }

    @Override
    public Info lookup(String key) {
        checkKey(key);
        return infos.get(key);
    }

    @Override
    public List<String> list(String prefix) {
        String start = prefix == null ? "" : prefix;
        return infos.keySet().stream().filter(k -> k.startsWith(start)).sorted().toList();
    }

    @Override
    public boolean remove(String key) {
        checkKey(key);
        boolean removed = infos.remove(key) != null;
        versions.remove(key);
        if (removed) {
            callbacks.publish(key, null);
        }
        return removed;
    }

    @Override
    public void addListener(InfoListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        callbacks.add(listener);
    }

    @Override
    public void removeListener(InfoListener listener) {
        callbacks.remove(listener);
    }

    /** How many listeners are registered now (dead and slow ones are dropped). */
    public int listenerCount() {
        return callbacks.size();
    }

    /** Stops the callback threads; the server calls it when it shuts down. */
    public void close() {
        callbacks.close();
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a key must be a non-empty string, got " + (key == null ? "null" : "\"\""));
        }
    }
}

