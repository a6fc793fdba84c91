package wirelab.threads.lazy;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import wirelab.testkit.Waits;

/**
 * Test helper: check-then-act caught without a race. The registry's map is swapped for one that
 * holds the FIRST thread at its first look at "ann" (just after get or containsKey, just before
 * putIfAbsent), right between its check and its act. A second thread then asks for "ann" and finishes (or waits, if
 * idFor holds a lock); then the first goes on. Code whose check and act are one atomic step
 * (computeIfAbsent, a lock around both) gives both threads the same id and makes one id;
 * get-then-put gives ann two ids, every time.
 *
 * <p>{@link #namesAtOnce} plays the other half of the contract: two DIFFERENT names asked for at
 * once get different ids. The first thread is held once ann's id is made but not yet stored
 * (inside computeIfAbsent, just after the mapping function returned; or just before put,
 * putIfAbsent or merge), while a second thread asks for "bob". An id made from something the
 * first thread's id does not change yet ({@code ids.size() + 1}) gives bob ann's id, every time.
 */
final class GatedIds extends ConcurrentHashMap<String, Integer> {

    private final CountDownLatch atGate = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);
    private volatile Thread held;
    /** True: hold where an id is made but not stored (namesAtOnce); false: after the first look (race). */
    private final boolean holdWhenMade;

    private GatedIds(boolean holdWhenMade) {
        this.holdWhenMade = holdWhenMade;
    }

    private void gate(Object key) {
        if ("ann".equals(key) && Thread.currentThread() == held && atGate.getCount() > 0) {
            atGate.countDown();
            try {
                open.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // get and containsKey look first and are held after: the thread goes on with what it saw
    // before the second thread made ann's id (held before the look, it would see that id)
    @Override
    public Integer get(Object key) {
        Integer seen = super.get(key);
        if (!holdWhenMade) {
            gate(key);
        }
        return seen;
    }

    @Override
    public boolean containsKey(Object key) {
        boolean seen = super.containsKey(key);
        if (!holdWhenMade) {
            gate(key);
        }
        return seen;
    }

    @Override
    public Integer putIfAbsent(String key, Integer value) {
        gate(key);
        return super.putIfAbsent(key, value);
    }

    // where an id is made but not stored yet: only when two different names are asked for
    @Override
    public Integer put(String key, Integer value) {
        if (holdWhenMade) {
            gate(key);
        }
        return super.put(key, value);
    }

    @Override
    public Integer merge(String key, Integer value, BiFunction<? super Integer, ? super Integer, ? extends Integer> remap) {
        if (holdWhenMade) {
            gate(key);
        }
        return super.merge(key, value, remap);
    }

    @Override
    public Integer computeIfAbsent(String key, Function<? super String, ? extends Integer> make) {
        if (!holdWhenMade) {
            return super.computeIfAbsent(key, make);
        }
        return super.computeIfAbsent(key, k -> {
            Integer made = make.apply(k);
            gate(k);
            return made;
        });
    }

    @Override
    public Integer compute(String key, BiFunction<? super String, ? super Integer, ? extends Integer> remap) {
        if (!holdWhenMade) {
            return super.compute(key, remap);
        }
        return super.compute(key, (k, old) -> {
            Integer made = remap.apply(k, old);
            gate(k);
            return made;
        });
    }

    /** The result: the ids the two threads got (for ann and ann, or ann and bob), and the ids made. */
    record Outcome(Object first, Object second, int idsMade) {
    }

    /** Two threads ask for "ann", the first held after its look; null if the map could not be swapped. */
    static Outcome race() {
        return play(false, "ann");
    }

    /**
     * One thread asks for "ann" and is held once her id is made, another asks for "bob" (a name in
     * another bin of the map, so nothing in the map makes it wait); null if the map could not be swapped.
     */
    static Outcome namesAtOnce() {
        return play(true, "bob");
    }

    private static Outcome play(boolean holdWhenMade, String secondName) {
        IdRegistry registry = new IdRegistry();
        GatedIds map = new GatedIds(holdWhenMade);
        try {
            Field f = IdRegistry.class.getDeclaredField("ids");
            if (!f.getType().isAssignableFrom(GatedIds.class)) {
                return null;
            }
            f.setAccessible(true);
            f.set(registry, map);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;                         // a registry built another way: the stress rounds judge it
        }
        AtomicReference<Object> first = new AtomicReference<>();
        AtomicReference<Object> second = new AtomicReference<>();
        String firstCall = "the first idFor(\"ann\")";
        String secondCall = "idFor(\"" + secondName + "\") on a second thread";
        Thread a = thread(firstCall, registry, "ann", first);
        map.held = a;
        a.start();
        Waits.await(firstCall + " to " + (holdWhenMade ? "make an id" : "look at the map") + " or finish",
                        Duration.ofSeconds(10))
                .until(() -> map.atGate.getCount() == 0 || !a.isAlive());
        Thread b = thread(secondCall, registry, secondName, second);
        b.start();
        Waits.await(secondCall + " to finish or wait for the first", Duration.ofSeconds(10))
                .until(() -> !b.isAlive() || b.getState() == Thread.State.BLOCKED || b.getState() == Thread.State.WAITING);
        map.open.countDown();
        Waits.await("both idFor calls to finish", Duration.ofSeconds(10))
                .until(() -> !a.isAlive() && !b.isAlive());
        return new Outcome(first.get(), second.get(), registry.idsMade());
    }

    private static Thread thread(String name, IdRegistry registry, String asked, AtomicReference<Object> into) {
        Thread t = new Thread(() -> {
            try {
                into.set(registry.idFor(asked));
            } catch (Throwable e) {
                into.set(e);
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
