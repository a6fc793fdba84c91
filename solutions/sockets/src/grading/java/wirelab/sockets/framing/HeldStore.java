package wirelab.sockets.framing;

import java.lang.Thread.State;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays two clients' requests on one {@link KeyValueService} in a chosen order, the same way every
 * time: the service's map is swapped for one that HOLDS the first client's thread right after its
 * first read (get, containsKey, getOrDefault); the second request then runs to its end (or until it
 * waits for the first, e.g. on a lock), and only then is the first let go. A check and an action
 * that are two steps show their race here every time; a service whose requests are atomic answers
 * as in some one-at-a-time order. Not graded.
 */
final class HeldStore {

    /** Both replies, and where the first request was held (null: it never read the map, so it ran alone). */
    record Outcome(String first, String second, String heldAt) {
        String where() {
            return heldAt == null ? "" : ", in " + heldAt + "()";
        }
    }

    private volatile Thread holdMe;
    private volatile String heldAt;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    private HeldStore() {
    }

    static Outcome run(KeyValueService service, Callable<String> first, Callable<String> second) throws Exception {
        HeldStore play = new HeldStore();
        play.instrument(service);
        FutureTask<String> one = new FutureTask<>(first);
        FutureTask<String> two = new FutureTask<>(second);
        Thread t1 = new Thread(one, "client-1");
        Thread t2 = new Thread(two, "client-2");
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
                break; // it waits for the first client (a lock): let the first one go
            }
            LockSupport.parkNanos(50_000);
        }
        play.release.countDown();
        t1.join(10_000);
        t2.join(10_000);
        return new Outcome(reply(one, "the first request"), reply(two, "the second request"),
                firstHeld ? play.heldAt : null);
    }

    private static String reply(FutureTask<String> task, String which) throws Exception {
        if (!task.isDone()) {
            throw new AssertionError(which + " did not end within 10 s after the other one finished: a deadlock?");
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw new AssertionError(which + " threw " + e.getCause() + ": handle() should never throw", e.getCause());
        }
    }

    /** Called by the held map after a read: holds the first client's thread, once. */
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

    private void instrument(KeyValueService service) throws IllegalAccessException {
        for (Field field : KeyValueService.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || !Map.class.isAssignableFrom(field.getType())) {
                continue;
            }
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, String> map = (Map<String, String>) field.get(service);
            Object held = map == null ? null : holding(map, field.getType());
            if (held != null) {
                field.set(service, held);
                return;
            }
        }
        throw new AssertionError("this test holds one client inside KeyValueService's store, but found no Map field it"
                + " could hold it in: keep the store in the Map field it is given");
    }

    /** A map that reads through to {@code map} and holds the first client after a read; null if it cannot. */
    private Object holding(Map<String, String> map, Class<?> declared) {
        if (declared.isInterface()) { // Map, as given: a proxy in front of whatever map it is
            return Proxy.newProxyInstance(HeldStore.class.getClassLoader(), new Class<?>[] {declared},
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
        if (map.getClass() == ConcurrentHashMap.class && declared.isAssignableFrom(ConcurrentHashMap.class)) {
            HeldConcurrentMap copy = new HeldConcurrentMap(this);
            copy.putAll(map);
            return copy;
        }
        return null;
    }

    private static final class HeldConcurrentMap extends ConcurrentHashMap<String, String> {
        private static final long serialVersionUID = 1L;
        private final transient HeldStore play;

        HeldConcurrentMap(HeldStore play) {
            this.play = play;
        }

        @Override
        public String get(Object key) {
            String value = super.get(key);
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
        public String getOrDefault(Object key, String fallback) {
            String value = super.getOrDefault(key, fallback);
            play.afterRead("getOrDefault");
            return value;
        }
    }
}
