package wirelab.rmi;

import java.lang.Thread.State;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.AbstractCollection;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Plays one chosen interleaving of two calls on an {@link InfoStore}, the same way every time:
 * the store's map is swapped for the same kind of map that HOLDS the first thread right after
 * it read the map (a get, a containsKey, the first key of an iteration, the read half of a
 * HashMap's compute) or right after one of a concurrent map's atomic calls has done its work (a
 * compute, merge, put or remove), then the second call runs, and only when it has finished (or is
 * waiting for the first thread, e.g. on a lock) is the first thread let go. A check-then-act or a
 * read-modify-write that is not one atomic step shows its race here every time, and so does a
 * result kept somewhere else than in what the atomic call returned (a field the second call
 * overwrites, a second map); a correct store gives the same results as in some one-at-a-time
 * order. Not graded.
 */
final class Interleaving {

    /** How {@link Outcome#firstHeldAt} ends when the first call was held after an atomic call had done its work. */
    static final String DONE = " (done)";

    /**
     * What happened: both results; where the first call was held (null: it never used the map,
     * so it ran alone; ending in {@link #DONE}: after an atomic call); what the second call waited
     * on while the first was held (null: nothing).
     */
    record Outcome<A, B>(A first, B second, String firstHeldAt, String secondWaitedOn) {
    }

    private volatile Thread holdMe;
    private volatile String heldAt;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private Interleaving() {
    }

    /**
     * Runs {@code first} on one thread, holds it at its first read of the store's map, runs
     * {@code second} on another thread until it ends or waits, then lets the first one go.
     */
    static <A, B> Outcome<A, B> run(InfoStore store, Callable<A> first, Callable<B> second) throws Exception {
        Interleaving play = new Interleaving();
        play.instrument(store);
        FutureTask<A> one = new FutureTask<>(first);
        FutureTask<B> two = new FutureTask<>(second);
        Thread t1 = new Thread(one, "client-1");
        Thread t2 = new Thread(two, "client-2");
        t1.setDaemon(true);
        t2.setDaemon(true);
        play.holdMe = t1;
        t1.start();
        boolean firstHeld = awaitEither(play.held, one::isDone);
        t2.start();
        String waitedOn = null;
        if (firstHeld) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!two.isDone() && System.nanoTime() < deadline) {
                State state = t2.getState();
                if (state == State.BLOCKED || state == State.WAITING || state == State.TIMED_WAITING) {
                    waitedOn = describeWait(t2);
                    break;   // it waits for the first thread (a lock): let the first one go
                }
                java.util.concurrent.locks.LockSupport.parkNanos(50_000);
            }
        }
        play.release.countDown();
        t1.join(TimeUnit.SECONDS.toMillis(10));
        t2.join(TimeUnit.SECONDS.toMillis(10));
        return new Outcome<>(result(one, "the first call"), result(two, "the second call"),
                firstHeld ? play.heldAt : null, waitedOn);
    }

    private static boolean awaitEither(CountDownLatch latch, java.util.function.BooleanSupplier done)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (latch.await(1, TimeUnit.MILLISECONDS)) {
                return true;
            }
            if (done.getAsBoolean()) {
                return latch.getCount() == 0;
            }
        }
        return false;
    }

    private static String describeWait(Thread t) {
        StringBuilder where = new StringBuilder(t.getState().toString());
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith("wirelab.rmi.InfoStore")) {
                where.append(" in ").append(frame);
                break;
            }
        }
        return where.toString();
    }

    private static <T> T result(FutureTask<T> task, String which) throws Exception {
        if (!task.isDone()) {
            throw new AssertionError(which + " did not end within 10 s after the other one finished: a deadlock?");
        }
        try {
            return task.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Called by the instrumented maps after a read: holds the first thread, once. */
    void afterRead(String what) {
        if (Thread.currentThread() != holdMe || held.getCount() == 0) {
            return;
        }
        heldAt = what;
        held.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- swapping the store's maps ---------------------------------------------------------

    private void instrument(InfoStore store) throws IllegalAccessException {
        List<String> swapped = new ArrayList<>();
        for (Class<?> type = store.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || !Map.class.isAssignableFrom(field.getType())
                        && field.getType() != Object.class) {
                    continue;
                }
                field.setAccessible(true);
                if (!(field.get(store) instanceof Map<?, ?> map)) {
                    continue;
                }
                Object instrumented = instrument(castMap(map), field.getType());
                if (instrumented != null) {
                    field.set(store, instrumented);
                    swapped.add(field.getName());
                }
            }
        }
        if (swapped.isEmpty()) {
            throw new AssertionError("this test holds one thread inside InfoStore's map, but found no Map field in"
                    + " InfoStore to hold it in: keep the values in a Map field of InfoStore");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> castMap(Map<?, ?> map) {
        return (Map<Object, Object>) map;
    }

    /** The same kind of map, with the same entries, that holds the first thread after a read. */
    private Object instrument(Map<Object, Object> map, Class<?> declared) {
        Class<?> kind = map.getClass();
        if (kind.getEnclosingClass() == Interleaving.class) {
            kind = kind.getSuperclass();        // a store played before: hold in a fresh map of the same kind
        }
        Map<Object, Object> copy;
        if (kind == ConcurrentHashMap.class) {
            copy = new HoldingConcurrentMap(this);
        } else if (kind == HashMap.class || kind == LinkedHashMap.class) {
            copy = new HoldingHashMap(this);
        } else if (kind == TreeMap.class) {
            copy = new HoldingTreeMap(this);
        } else if (kind == ConcurrentSkipListMap.class) {
            copy = new HoldingSkipListMap(this);
        } else if (kind == Hashtable.class) {
            copy = new HoldingHashtable(this);
        } else if (kind.getName().equals("java.util.Collections$SynchronizedMap")) {
            HoldingHashMap inner = new HoldingHashMap(this);
            synchronized (map) {
                inner.putAll(map);
            }
            Map<Object, Object> wrapped = Collections.synchronizedMap(inner);
            return declared.isInstance(wrapped) ? wrapped : null;
        } else if (declared.isInterface()) {
            return proxy(map, declared);
        } else {
            throw new AssertionError("this test holds one thread inside InfoStore's map, but cannot make a "
                    + kind.getName() + " that does so; use a Map from java.util or java.util.concurrent");
        }
        copy.putAll(map);
        return declared.isInstance(copy) ? copy : null;
    }

    /** Any other map, declared as an interface: a proxy that reads through to it. */
    private Object proxy(Map<Object, Object> target, Class<?> declared) {
        Set<Class<?>> faces = new java.util.LinkedHashSet<>();
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            faces.addAll(List.of(c.getInterfaces()));
        }
        faces.add(declared);
        return Proxy.newProxyInstance(Interleaving.class.getClassLoader(), faces.toArray(Class<?>[]::new),
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    switch (method.getName()) {
                        case "get", "getOrDefault", "containsKey" -> afterRead(method.getName());
                        case "keySet", "entrySet", "values" -> result = holding((Collection<?>) result);
                        default -> { }
                    }
                    return result;
                });
    }

    /** A view whose iterator holds the first thread after the first element. */
    private Collection<?> holding(Collection<?> view) {
        if (view instanceof Set<?>) {
            return new AbstractSet<Object>() {
                public Iterator<Object> iterator() {
                    return holdingIterator(view.iterator());
                }

                public int size() {
                    return view.size();
                }
            };
        }
        return new AbstractCollection<Object>() {
            public Iterator<Object> iterator() {
                return holdingIterator(view.iterator());
            }

            public int size() {
                return view.size();
            }
        };
    }

    private Iterator<Object> holdingIterator(Iterator<?> inner) {
        return new Iterator<>() {
            private boolean first = true;

            public boolean hasNext() {
                return inner.hasNext();
            }

            public Object next() {
                Object next = inner.next();
                if (first) {
                    first = false;
                    afterRead("iteration");
                }
                return next;
            }

            public void remove() {
                inner.remove();
            }
        };
    }

    // ---- the maps: the same class, held after a read ------------------------------------------

    /** A ConcurrentHashMap: its own calls stay atomic; a thread is held between two of them. */
    static final class HoldingConcurrentMap extends ConcurrentHashMap<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final transient Interleaving play;

        HoldingConcurrentMap(Interleaving play) {
            this.play = play;
        }

        private <T> T held(String call, T result) {
            play.afterRead(call + DONE);
            return result;
        }

        @Override
        public Object compute(Object key, BiFunction<? super Object, ? super Object, ?> remap) {
            return held("compute", super.compute(key, remap));
        }

        @Override
        public Object merge(Object key, Object value, BiFunction<? super Object, ? super Object, ?> remap) {
            return held("merge", super.merge(key, value, remap));
        }

        @Override
        public Object computeIfAbsent(Object key, Function<? super Object, ?> make) {
            return held("computeIfAbsent", super.computeIfAbsent(key, make));
        }

        @Override
        public Object computeIfPresent(Object key, BiFunction<? super Object, ? super Object, ?> remap) {
            return held("computeIfPresent", super.computeIfPresent(key, remap));
        }

        @Override
        public Object put(Object key, Object value) {
            return held("put", super.put(key, value));
        }

        @Override
        public Object putIfAbsent(Object key, Object value) {
            return held("putIfAbsent", super.putIfAbsent(key, value));
        }

        @Override
        public Object remove(Object key) {
            return held("remove", super.remove(key));
        }

        @Override
        public boolean remove(Object key, Object value) {
            return held("remove", super.remove(key, value));
        }

        @Override
        public Object replace(Object key, Object value) {
            return held("replace", super.replace(key, value));
        }

        @Override
        public boolean replace(Object key, Object oldValue, Object newValue) {
            return held("replace", super.replace(key, oldValue, newValue));
        }

        @Override
        public Object get(Object key) {
            Object value = super.get(key);
            play.afterRead("get");
            return value;
        }

        @Override
        public boolean containsKey(Object key) {
            boolean found = super.containsKey(key);
            play.afterRead("containsKey");
            return found;
        }

        @Override
        public Object getOrDefault(Object key, Object fallback) {
            Object value = super.getOrDefault(key, fallback);
            play.afterRead("getOrDefault");
            return value;
        }
    }

    /** A HashMap is not thread-safe: its compute and merge are a read, then a write. */
    static final class HoldingHashMap extends HashMap<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final transient Interleaving play;

        HoldingHashMap(Interleaving play) {
            this.play = play;
        }

        @Override
        public Object get(Object key) {
            Object value = super.get(key);
            play.afterRead("get");
            return value;
        }

        @Override
        public boolean containsKey(Object key) {
            boolean found = super.containsKey(key);
            play.afterRead("containsKey");
            return found;
        }

        @Override
        public Object getOrDefault(Object key, Object fallback) {
            Object value = super.getOrDefault(key, fallback);
            play.afterRead("getOrDefault");
            return value;
        }

        @Override
        public Object compute(Object key, BiFunction<? super Object, ? super Object, ?> remap) {
            Object old = super.get(key);
            play.afterRead("compute");
            return super.compute(key, (k, now) -> remap.apply(k, old));
        }

        @Override
        public Object merge(Object key, Object value, BiFunction<? super Object, ? super Object, ?> remap) {
            Object old = super.get(key);
            play.afterRead("merge");
            return super.compute(key, (k, now) -> old == null ? value : remap.apply(old, value));
        }

        @Override
        public Object computeIfAbsent(Object key, Function<? super Object, ?> make) {
            Object old = super.get(key);
            play.afterRead("computeIfAbsent");
            if (old != null) {
                return old;
            }
            Object made = make.apply(key);
            if (made != null) {
                super.put(key, made);
            }
            return made;
        }

        @Override
        public Set<Object> keySet() {
            Set<Object> keys = super.keySet();
            Interleaving p = play;
            return new AbstractSet<>() {
                public Iterator<Object> iterator() {
                    return p.holdingIterator(keys.iterator());
                }

                public int size() {
                    return keys.size();
                }

                public boolean remove(Object o) {
                    return keys.remove(o);
                }
            };
        }

        @Override
        public Set<Map.Entry<Object, Object>> entrySet() {
            Set<Map.Entry<Object, Object>> entries = super.entrySet();
            Interleaving p = play;
            return new AbstractSet<>() {
                @SuppressWarnings("unchecked")
                public Iterator<Map.Entry<Object, Object>> iterator() {
                    Iterator<?> it = p.holdingIterator(entries.iterator());
                    return (Iterator<Map.Entry<Object, Object>>) it;
                }

                public int size() {
                    return entries.size();
                }
            };
        }
    }

    static final class HoldingTreeMap extends TreeMap<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final transient Interleaving play;

        HoldingTreeMap(Interleaving play) {
            this.play = play;
        }

        @Override
        public Object get(Object key) {
            Object value = super.get(key);
            play.afterRead("get");
            return value;
        }

        @Override
        public boolean containsKey(Object key) {
            boolean found = super.containsKey(key);
            play.afterRead("containsKey");
            return found;
        }

        @Override
        public Object compute(Object key, BiFunction<? super Object, ? super Object, ?> remap) {
            Object old = super.get(key);
            play.afterRead("compute");
            return super.compute(key, (k, now) -> remap.apply(k, old));
        }
    }

    static final class HoldingSkipListMap extends ConcurrentSkipListMap<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final transient Interleaving play;

        HoldingSkipListMap(Interleaving play) {
            this.play = play;
        }

        @Override
        public Object get(Object key) {
            Object value = super.get(key);
            play.afterRead("get");
            return value;
        }

        @Override
        public boolean containsKey(Object key) {
            boolean found = super.containsKey(key);
            play.afterRead("containsKey");
            return found;
        }
    }

    /** A Hashtable locks itself in every method: the hold happens inside that lock. */
    static final class HoldingHashtable extends Hashtable<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final transient Interleaving play;

        HoldingHashtable(Interleaving play) {
            this.play = play;
        }

        @Override
        public synchronized Object get(Object key) {
            Object value = super.get(key);
            play.afterRead("get");
            return value;
        }

        @Override
        public synchronized boolean containsKey(Object key) {
            boolean found = super.containsKey(key);
            play.afterRead("containsKey");
            return found;
        }
    }
}
