package wirelab.testkit;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Plays one chosen interleaving of two calls on an object that keeps its state in a {@code Map}
 * field, the same way every time: the map is swapped for the same kind of map that HOLDS the first
 * thread right after it read the map (a get, a containsKey, a getOrDefault; with {@link
 * Holds#EVERY_STEP} also the first key of an iteration, the read half of a HashMap's compute, and
 * right after one of a concurrent map's atomic calls has done its work); then the second call runs,
 * and only when it has finished (or waits for the first thread, e.g. on a lock) is the first let
 * go. A check-then-act or a read-modify-write that is not one atomic step shows its race here
 * every time; code whose calls are atomic answers as in some one-at-a-time order.
 *
 * <pre>{@code
 * var played = Interleaving.in(store, Holds.EVERY_STEP).run(() -> store.remove("k"), () -> store.remove("k"));
 * assertFalse(played.first() && played.second(), "both removed k" + played.where());
 * }</pre>
 */
public final class Interleaving {

    /** How {@link Outcome#firstHeldAt} ends when the first call was held after an atomic call had done its work. */
    public static final String DONE = " (done)";

    /** Where the first thread is held. */
    public enum Holds {
        /**
         * After a read (get, containsKey, getOrDefault) of the first Map field of the object's own
         * class that can hold: one declared as an interface (a proxy in front of it), a
         * ConcurrentHashMap or a HashMap.
         */
        READS,
        /**
         * After any read (iterations and a HashMap's compute and merge too) or atomic step of every
         * Map field of the object and its superclasses (fields declared as Object too), in a map of
         * the same kind: HashMap, LinkedHashMap, TreeMap, ConcurrentHashMap, ConcurrentSkipListMap,
         * Hashtable, a synchronizedMap, or any other behind its interfaces.
         */
        EVERY_STEP
    }

    /**
     * What happened: both results; where the first call was held (null: it never used the map,
     * so it ran alone; ending in {@link #DONE}: after an atomic call); what the second call waited
     * on while the first was held (null: nothing).
     */
    public record Outcome<A, B>(A first, B second, String firstHeldAt, String secondWaitedOn) {

        /** ", in get()" where the first call was held, or "" when it was not. */
        public String where() {
            return firstHeldAt == null ? "" : ", in " + firstHeldAt + "()";
        }
    }

    private final Object target;
    private final Holds holds;
    private String calls = "call";
    private String noMap;
    private String whenACallThrows;

    private volatile Thread holdMe;
    private volatile String heldAt;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private Interleaving(Object target, Holds holds) {
        this.target = target;
        this.holds = holds;
    }

    /** Plays on {@code target}'s Map fields, holding the first thread where {@code holds} says. */
    public static Interleaving in(Object target, Holds holds) {
        return new Interleaving(target, holds);
    }

    /** What the two calls are, for the failure messages: "the first hit", "the second hit" (default "call"). */
    public Interleaving calls(String noun) {
        this.calls = noun;
        return this;
    }

    /** The failure message when the object has no Map field to hold a thread in (say where the student keeps it). */
    public Interleaving noMap(String message) {
        this.noMap = message;
        return this;
    }

    /**
     * A call that throws fails the test: "the first hit threw X" followed by {@code advice}.
     * Without it, what a call throws is thrown as it is (for the test to catch).
     */
    public Interleaving whenACallThrows(String advice) {
        this.whenACallThrows = advice;
        return this;
    }

    /**
     * Runs {@code first} on one thread, holds it at its first read of the map, runs {@code second}
     * on another thread until it ends or waits, then lets the first one go.
     */
    public <A, B> Outcome<A, B> run(Callable<A> first, Callable<B> second) throws Exception {
        instrument();
        FutureTask<A> one = new FutureTask<>(first);
        FutureTask<B> two = new FutureTask<>(second);
        Thread t1 = new Thread(one, "client-1");
        Thread t2 = new Thread(two, "client-2");
        t1.setDaemon(true);
        t2.setDaemon(true);
        holdMe = t1;
        t1.start();
        boolean firstHeld = awaitEither(held, one::isDone);
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
                LockSupport.parkNanos(50_000);
            }
        }
        release.countDown();
        t1.join(TimeUnit.SECONDS.toMillis(10));
        t2.join(TimeUnit.SECONDS.toMillis(10));
        return new Outcome<>(result(one, "the first " + calls), result(two, "the second " + calls),
                firstHeld ? heldAt : null, waitedOn);
    }

    private static boolean awaitEither(CountDownLatch latch, BooleanSupplier done) throws InterruptedException {
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

    /** The thread's state and the frame of the played object's class it waits in. */
    private String describeWait(Thread t) {
        StringBuilder where = new StringBuilder(t.getState().toString());
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith(target.getClass().getName())) {
                where.append(" in ").append(frame);
                break;
            }
        }
        return where.toString();
    }

    private <T> T result(FutureTask<T> task, String which) throws Exception {
        if (!task.isDone()) {
            throw new AssertionError(which + " did not end within 10 s after the other one finished: a deadlock?");
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (whenACallThrows != null) {
                throw new AssertionError(which + " threw " + e.getCause() + whenACallThrows, e.getCause());
            }
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** {@code value}, after holding the first thread at the read {@code what} (the instrumented maps' reads). */
    private <T> T read(String what, T value) {
        afterRead(what);
        return value;
    }

    /** Called by the instrumented maps after a read: holds the first thread, once. */
    private void afterRead(String what) {
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

    // ---- swapping the object's maps ---------------------------------------------------------

    private void instrument() throws IllegalAccessException {
        List<String> swapped = new ArrayList<>();
        Class<?> last = holds == Holds.READS ? target.getClass().getSuperclass() : Object.class;
        for (Class<?> type = target.getClass(); type != last; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                boolean mayHoldMap = Map.class.isAssignableFrom(field.getType())
                        || holds == Holds.EVERY_STEP && field.getType() == Object.class;
                if (Modifier.isStatic(field.getModifiers()) || !mayHoldMap) {
                    continue;
                }
                field.setAccessible(true);
                if (!(field.get(target) instanceof Map<?, ?> map)) {
                    continue;
                }
                Object instrumented = holds == Holds.READS ? holdingReads(castMap(map), field.getType())
                        : holdingEveryStep(castMap(map), field.getType());
                if (instrumented != null) {
                    field.set(target, instrumented);
                    swapped.add(field.getName());
                    if (holds == Holds.READS) {
                        return;
                    }
                }
            }
        }
        if (swapped.isEmpty()) {
            throw new AssertionError(noMap != null ? noMap : "this test holds one thread inside "
                    + target.getClass().getSimpleName() + "'s map, but found no Map field to hold it in");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> castMap(Map<?, ?> map) {
        return (Map<Object, Object>) map;
    }

    /** {@link Holds#READS}: a map that reads through to {@code map} and holds after a read; null if it cannot. */
    private Object holdingReads(Map<Object, Object> map, Class<?> declared) {
        if (declared.isInterface()) {   // Map or ConcurrentMap: a proxy in front of whatever map it is
            return Proxy.newProxyInstance(Interleaving.class.getClassLoader(), new Class<?>[] {declared},
                    (proxy, method, args) -> {
                        Object result;
                        try {
                            result = method.invoke(map, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (isRead(method.getName())) {
                            afterRead(method.getName());
                        }
                        return result;
                    });
        }
        Map<Object, Object> copy;
        if (map.getClass() == ConcurrentHashMap.class) {
            copy = new HoldingConcurrentMap(this);
        } else if (map.getClass() == HashMap.class) {
            copy = new HoldingHashMap(this);
        } else {
            return null;
        }
        copy.putAll(map);
        return declared.isInstance(copy) ? copy : null;
    }

    private static boolean isRead(String method) {
        return method.equals("get") || method.equals("containsKey") || method.equals("getOrDefault");
    }

    /** {@link Holds#EVERY_STEP}: the same kind of map, with the same entries, that holds after any read or step. */
    private Object holdingEveryStep(Map<Object, Object> map, Class<?> declared) {
        Class<?> kind = map.getClass();
        if (kind.getEnclosingClass() == Interleaving.class) {
            kind = kind.getSuperclass();        // an object played before: hold in a fresh map of the same kind
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
            throw new AssertionError("this test holds one thread inside " + target.getClass().getSimpleName()
                    + "'s map, but cannot make a " + kind.getName()
                    + " that does so; use a Map from java.util or java.util.concurrent");
        }
        copy.putAll(map);
        return declared.isInstance(copy) ? copy : null;
    }

    /** Any other map, declared as an interface: a proxy that reads through to it. */
    private Object proxy(Map<Object, Object> map, Class<?> declared) {
        Set<Class<?>> faces = new LinkedHashSet<>();
        for (Class<?> c = map.getClass(); c != null; c = c.getSuperclass()) {
            faces.addAll(List.of(c.getInterfaces()));
        }
        faces.add(declared);
        return Proxy.newProxyInstance(Interleaving.class.getClassLoader(), faces.toArray(Class<?>[]::new),
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(map, args);
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

    private boolean everyStep() {
        return holds == Holds.EVERY_STEP;
    }

    // ---- the maps: the same class, held after a read ------------------------------------------

    /** A ConcurrentHashMap: its own calls stay atomic; a thread is held between two of them. */
    private static final class HoldingConcurrentMap extends ConcurrentHashMap<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final transient Interleaving play;

        HoldingConcurrentMap(Interleaving play) {
            this.play = play;
        }

        /** After an atomic call has done its work ({@link Holds#EVERY_STEP} only). */
        private <T> T held(String call, T result) {
            if (play.everyStep()) {
                play.afterRead(call + DONE);
            }
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
            return play.read("get", super.get(key));
        }

        @Override
        public boolean containsKey(Object key) {
            return play.read("containsKey", super.containsKey(key));
        }

        @Override
        public Object getOrDefault(Object key, Object fallback) {
            return play.read("getOrDefault", super.getOrDefault(key, fallback));
        }
    }

    /** A HashMap is not thread-safe: with {@link Holds#EVERY_STEP} its compute and merge are a read, then a write. */
    private static final class HoldingHashMap extends HashMap<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final transient Interleaving play;

        HoldingHashMap(Interleaving play) {
            this.play = play;
        }

        @Override
        public Object get(Object key) {
            return play.read("get", super.get(key));
        }

        @Override
        public boolean containsKey(Object key) {
            return play.read("containsKey", super.containsKey(key));
        }

        @Override
        public Object getOrDefault(Object key, Object fallback) {
            return play.read("getOrDefault", super.getOrDefault(key, fallback));
        }

        @Override
        public Object compute(Object key, BiFunction<? super Object, ? super Object, ?> remap) {
            if (!play.everyStep()) {
                return super.compute(key, remap);
            }
            Object old = super.get(key);
            play.afterRead("compute");
            return super.compute(key, (k, now) -> remap.apply(k, old));
        }

        @Override
        public Object merge(Object key, Object value, BiFunction<? super Object, ? super Object, ?> remap) {
            if (!play.everyStep()) {
                return super.merge(key, value, remap);
            }
            Object old = super.get(key);
            play.afterRead("merge");
            return super.compute(key, (k, now) -> old == null ? value : remap.apply(old, value));
        }

        @Override
        public Object computeIfAbsent(Object key, Function<? super Object, ?> make) {
            if (!play.everyStep()) {
                return super.computeIfAbsent(key, make);
            }
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
            if (!play.everyStep()) {
                return keys;
            }
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
            if (!play.everyStep()) {
                return entries;
            }
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

    private static final class HoldingTreeMap extends TreeMap<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final transient Interleaving play;

        HoldingTreeMap(Interleaving play) {
            this.play = play;
        }

        @Override
        public Object get(Object key) {
            return play.read("get", super.get(key));
        }

        @Override
        public boolean containsKey(Object key) {
            return play.read("containsKey", super.containsKey(key));
        }

        @Override
        public Object compute(Object key, BiFunction<? super Object, ? super Object, ?> remap) {
            Object old = super.get(key);
            play.afterRead("compute");
            return super.compute(key, (k, now) -> remap.apply(k, old));
        }
    }

    private static final class HoldingSkipListMap extends ConcurrentSkipListMap<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final transient Interleaving play;

        HoldingSkipListMap(Interleaving play) {
            this.play = play;
        }

        @Override
        public Object get(Object key) {
            return play.read("get", super.get(key));
        }

        @Override
        public boolean containsKey(Object key) {
            return play.read("containsKey", super.containsKey(key));
        }
    }

    /** A Hashtable locks itself in every method: the hold happens inside that lock. */
    private static final class HoldingHashtable extends Hashtable<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final transient Interleaving play;

        HoldingHashtable(Interleaving play) {
            this.play = play;
        }

        @Override
        public synchronized Object get(Object key) {
            return play.read("get", super.get(key));
        }

        @Override
        public synchronized boolean containsKey(Object key) {
            return play.read("containsKey", super.containsKey(key));
        }
    }
}
