package wirelab.dispatcher;

import java.lang.Thread.State;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays two hits on one {@link HitCounterServlet} in a chosen order, the same way every time: the
 * counter's map is swapped for one that HOLDS the first thread right after its first read (get,
 * containsKey, getOrDefault); the second hit then runs to its end (or until it waits for the first,
 * e.g. on a lock), and only then is the first let go. A count read, then written back (get + 1,
 * put), or a counter looked for, then created (get, then put), loses the second hit here every
 * time; an atomic update (computeIfAbsent, merge, one lock around both steps) counts both. Not graded.
 */
final class HeldHits {

    private volatile Thread holdMe;
    private volatile String heldAt;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private HeldHits() {
    }

    /** Runs {@code first} and {@code second} as described; returns where the first was held, or null (it never read). */
    static String play(HitCounterServlet counter, Callable<?> first, Callable<?> second) throws Exception {
        HeldHits play = new HeldHits();
        play.instrument(counter);
        FutureTask<?> one = new FutureTask<>(first);
        FutureTask<?> two = new FutureTask<>(second);
        Thread t1 = new Thread(one, "worker-1");
        Thread t2 = new Thread(two, "worker-2");
        t1.setDaemon(true);
        t2.setDaemon(true);
        play.holdMe = t1;
        t1.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (play.held.getCount() > 0 && !one.isDone() && System.nanoTime() < deadline) {
            play.held.await(1, TimeUnit.MILLISECONDS);
        }
        boolean firstHeld = play.held.getCount() == 0;
        t2.start();
        while (firstHeld && !two.isDone() && System.nanoTime() < deadline) {
            State state = t2.getState();
            if (state == State.BLOCKED || state == State.WAITING || state == State.TIMED_WAITING) {
                break; // it waits for the first hit (a lock): let the first one go
            }
            LockSupport.parkNanos(50_000);
        }
        play.release.countDown();
        t1.join(10_000);
        t2.join(10_000);
        finish(one, "the first hit");
        finish(two, "the second hit");
        return firstHeld ? play.heldAt : null;
    }

    private static void finish(FutureTask<?> task, String which) throws Exception {
        if (!task.isDone()) {
            throw new AssertionError(which + " did not end within 10 s after the other one finished: a deadlock?");
        }
        try {
            task.get();
        } catch (ExecutionException e) {
            throw new AssertionError(which + " threw " + e.getCause(), e.getCause());
        }
    }

    /** Called by the held map after a read: holds the first thread, once. */
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

    private void instrument(HitCounterServlet counter) throws IllegalAccessException {
        for (Field field : HitCounterServlet.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || !Map.class.isAssignableFrom(field.getType())) {
                continue;
            }
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<Object, Object> map = (Map<Object, Object>) field.get(counter);
            Object held = map == null ? null : holding(map, field.getType());
            if (held != null) {
                field.set(counter, held);
                return;
            }
        }
        throw new AssertionError("this test holds one thread inside HitCounterServlet's map of counts, but found no Map"
                + " field it could hold it in: keep the counts in a Map field (a ConcurrentHashMap, a HashMap ...)");
    }

    /** A map that reads through to {@code map} and holds the first thread after a read; null if it cannot. */
    private Object holding(Map<Object, Object> map, Class<?> declared) {
        if (declared.isInterface()) { // Map or ConcurrentMap: a proxy in front of whatever map it is
            return Proxy.newProxyInstance(HeldHits.class.getClassLoader(), new Class<?>[] {declared},
                    (proxy, method, args) -> {
                        Object result;
                        try {
                            result = method.invoke(map, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (method.getName().equals("get") || method.getName().equals("containsKey")
                                || method.getName().equals("getOrDefault")) {
                            afterRead(method.getName());
                        }
                        return result;
                    });
        }
        Map<Object, Object> copy;
        if (map.getClass() == ConcurrentHashMap.class) {
            copy = new HeldConcurrentMap(this);
        } else if (map.getClass() == HashMap.class) {
            copy = new HeldHashMap(this);
        } else {
            return null;
        }
        copy.putAll(map);
        return declared.isInstance(copy) ? copy : null;
    }

    /** Declared as a ConcurrentHashMap: its own calls stay atomic, a thread is held between two of them. */
    private static final class HeldConcurrentMap extends ConcurrentHashMap<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final transient HeldHits play;

        HeldConcurrentMap(HeldHits play) {
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
    }

    /** Declared as a HashMap (kept under a lock of its own, or not at all). */
    private static final class HeldHashMap extends HashMap<Object, Object> {
        private static final long serialVersionUID = 1L;
        private final transient HeldHits play;

        HeldHashMap(HeldHits play) {
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
    }
}
