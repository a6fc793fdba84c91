package wirelab.threads.lazy;

import java.lang.reflect.Field;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Test helper for Lincheck: IdRegistry's map, swapped for a ConcurrentMap whose computeIfAbsent,
 * compute and merge run the caller's function as plain code, under a lock of that key only, as
 * ConcurrentHashMap does (one call per key at a time, other keys meanwhile). Lincheck treats the
 * JDK map's own methods as one step each (see RaceTable), which would hide a race INSIDE the
 * function, such as an id counted with {@code count++} or worked out from the map's size; here
 * Lincheck can switch threads between the function's steps. Every other call goes to a real
 * ConcurrentHashMap, one step each.
 */
final class SteppedIds extends AbstractMap<String, Integer> implements ConcurrentMap<String, Integer> {

    private final ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    /** {@code registry} with its map swapped for a SteppedIds (left as it is when its map is no ConcurrentHashMap). */
    static IdRegistry into(IdRegistry registry) {
        try {
            Field f = IdRegistry.class.getDeclaredField("ids");
            f.setAccessible(true);
            if (f.getType().isAssignableFrom(SteppedIds.class) && f.get(registry) instanceof ConcurrentHashMap<?, ?>) {
                f.set(registry, new SteppedIds());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a registry built another way: Lincheck checks it as it is
        }
        return registry;
    }

    private Object lockOf(String key) {
        return locks.computeIfAbsent(key, k -> new Object());
    }

    @Override
    public Integer computeIfAbsent(String key, Function<? super String, ? extends Integer> make) {
        synchronized (lockOf(key)) {
            Integer old = map.get(key);
            if (old != null) {
                return old;
            }
            Integer made = make.apply(key);
            if (made != null) {
                map.put(key, made);
            }
            return made;
        }
    }

    @Override
    public Integer compute(String key, BiFunction<? super String, ? super Integer, ? extends Integer> remap) {
        synchronized (lockOf(key)) {
            Integer old = map.get(key);
            return store(key, old, remap.apply(key, old));
        }
    }

    @Override
    public Integer merge(String key, Integer value, BiFunction<? super Integer, ? super Integer, ? extends Integer> remap) {
        synchronized (lockOf(key)) {
            Integer old = map.get(key);
            return store(key, old, old == null ? value : remap.apply(old, value));
        }
    }

    private Integer store(String key, Integer old, Integer now) {
        if (now != null) {
            map.put(key, now);
        } else if (old != null) {
            map.remove(key);
        }
        return now;
    }

    // the rest: the real map's own calls

    @Override
    public Integer get(Object key) {
        return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public Integer put(String key, Integer value) {
        return map.put(key, value);
    }

    @Override
    public Integer putIfAbsent(String key, Integer value) {
        return map.putIfAbsent(key, value);
    }

    @Override
    public Integer remove(Object key) {
        return map.remove(key);
    }

    @Override
    public boolean remove(Object key, Object value) {
        return map.remove(key, value);
    }

    @Override
    public boolean replace(String key, Integer oldValue, Integer newValue) {
        return map.replace(key, oldValue, newValue);
    }

    @Override
    public Integer replace(String key, Integer value) {
        return map.replace(key, value);
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public Set<Map.Entry<String, Integer>> entrySet() {
        return map.entrySet();
    }
}
