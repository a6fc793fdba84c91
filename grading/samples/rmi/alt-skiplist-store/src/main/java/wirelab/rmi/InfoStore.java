package wirelab.rmi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.ArrayList;

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

    // Reads take no lock; compute() makes "read the old version, store the next" one atomic step per key.
    private final ConcurrentSkipListMap<String, Info> infos = new ConcurrentSkipListMap<>();
    private final Callbacks callbacks;

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
        Info stored = infos.compute(key, (k, old) -> value.withVersion(old == null ? 1 : old.version() + 1));
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
        List<String> keys = new ArrayList<>();
        for (String k : infos.tailMap(start).keySet()) {
            if (!k.startsWith(start)) {
                break;
            }
            keys.add(k);
        }
        return keys;
    }

    @Override
    public boolean remove(String key) {
        checkKey(key);
        boolean removed = infos.remove(key) != null;
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

