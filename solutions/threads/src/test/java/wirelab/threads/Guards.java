package wirelab.threads;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import wirelab.testkit.Waits;

/**
 * Test helper: finds the lock a writer takes, by holding each candidate in the test thread and
 * looking whether the writer, on its own thread, stops at it. The candidates are the object
 * itself (synchronized methods), its fields (a private lock object, a ReentrantLock, a
 * ReadWriteLock's write lock), its class (static synchronized) and its static fields. Then, with
 * that lock held, a reader must stop too: a reader that runs to the end reads outside the lock.
 * Every step waits for a thread to be blocked on that very lock (its monitor or its Lock's
 * queue) or to finish, never for a time, so the verdict is the same on a busy machine.
 */
public final class Guards {

    private Guards() {
    }

    /** A lock the test can hold: a monitor, or a java.util.concurrent Lock. */
    public record Guard(String name, Object monitor, Lock lock) {

        /** Runs {@code whileHeld} on the calling thread while it holds this lock. */
        public void hold(Runnable whileHeld) {
            if (lock != null) {
                lock.lock();
                try {
                    whileHeld.run();
                } finally {
                    lock.unlock();
                }
            } else {
                synchronized (monitor) {
                    whileHeld.run();
                }
            }
        }
    }

    /** The candidates of {@code target} (may be null) and {@code type}, in the order they are tried. */
    static List<Guard> candidates(Object target, Class<?> type) {
        List<Guard> out = new ArrayList<>();
        String simple = type.getSimpleName();
        if (target != null) {
            out.add(new Guard("the " + simple + "'s own lock (synchronized methods lock 'this')", target, null));
        }
        for (Field f : type.getDeclaredFields()) {
            boolean isStatic = Modifier.isStatic(f.getModifiers());
            if (f.getType().isPrimitive() || !isStatic && target == null) {
                continue;
            }
            try {
                f.setAccessible(true);
                Object value = f.get(isStatic ? null : target);
                if (value instanceof ReadWriteLock rw) {
                    out.add(new Guard(simple + "." + f.getName() + ".writeLock()", null, rw.writeLock()));
                } else if (value instanceof Lock l) {
                    out.add(new Guard(simple + "." + f.getName(), null, l));
                } else if (value != null && !(value instanceof String) && !(value instanceof Number)) {
                    out.add(new Guard("the lock of " + simple + "." + f.getName(), value, null));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not readable: not a candidate
            }
        }
        out.add(new Guard("the lock of " + simple + ".class (static synchronized locks it)", type, null));
        return out;
    }

    /** True if the class keeps state a reader may read without a lock: a volatile or java.util.concurrent.atomic field. */
    public static boolean hasLockFreeField(Class<?> type) {
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isVolatile(f.getModifiers())
                    || f.getType().getName().startsWith("java.util.concurrent.atomic.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code call} on a new thread while the test holds {@code guard}; returns the thread once
     * it is blocked on that very lock (alive) or ended. A thread that waits for anything else for a
     * moment (a busy machine, the JVM's own work) is not taken for one stopped at the lock.
     */
    static Thread runUntilStoppedOrDone(String name, Guard guard, Runnable call) {
        Thread t = new Thread(call, "calling " + name);
        t.setDaemon(true);
        t.start();
        Waits.await(name + " to stop at the lock the test holds, or to finish", Duration.ofSeconds(10))
                .until(() -> !t.isAlive() || blockedOn(t, guard));
        return t;
    }

    /** True if {@code t} is blocked on the monitor, or parked in the queue of the Lock, that {@code guard} is. */
    public static boolean blockedOn(Thread t, Guard guard) {
        if (guard.lock() == null) {
            ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(t.getId());
            return info != null && info.getThreadState() == Thread.State.BLOCKED && info.getLockInfo() != null
                    && info.getLockInfo().getIdentityHashCode() == System.identityHashCode(guard.monitor());
        }
        if (guard.lock() instanceof ReentrantLock rl) {
            return rl.hasQueuedThread(t);
        }
        // another Lock (a ReadWriteLock's write lock): parked on a synchronizer, as a Lock's waiters are
        Thread.State state = t.getState();
        return (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING)
                && LockSupport.getBlocker(t) instanceof AbstractQueuedSynchronizer;
    }

    /**
     * The lock {@code writer} takes on a fresh object of {@code make}, or null if it takes none
     * of the candidates (each candidate is tried on its own fresh object).
     */
    public static <T> Guard lockOf(Class<?> type, Supplier<T> make, String writerName, Consumer<T> writer) {
        writer.accept(make.get());   // once on this thread first: classes loaded and initialised, so a
                                     // probe below can stop only at a lock, not at a class being set up
        int tries = candidates(make.get(), type).size();
        for (int i = 0; i < tries; i++) {
            T target = make.get();
            Guard guard = candidates(target, type).get(i);
            Thread[] w = new Thread[1];
            boolean[] stopped = new boolean[1];
            guard.hold(() -> {
                w[0] = runUntilStoppedOrDone(writerName, guard, () -> writer.accept(target));
                stopped[0] = w[0].isAlive();    // still running while we hold the lock: it stopped at it
            });
            Waits.await(writerName + " to finish once the test let go of " + guard.name(), Duration.ofSeconds(10))
                    .until(() -> !w[0].isAlive());
            if (stopped[0]) {
                return new Guard(guard.name(), guard.monitor(), guard.lock());
            }
        }
        return null;
    }

    /**
     * The lock {@code found} (by {@link #lockOf}, on another object of {@code type}) names, on
     * {@code target}; null if {@code target} has no such lock.
     */
    public static Guard on(Guard found, Class<?> type, Object target) {
        for (Guard g : candidates(target, type)) {
            if (g.name().equals(found.name())) {
                return g;
            }
        }
        return null;
    }

    /**
     * Runs {@code call} on a new daemon thread while the caller holds {@code guard}; returns the
     * thread once it is blocked on that lock, waits for anything else (a semaphore, a condition)
     * or has ended. Call it from inside {@link Guard#hold}.
     */
    public static Thread startUntilStopped(String name, Guard guard, Runnable call) {
        Thread t = new Thread(call, name);
        t.setDaemon(true);
        t.start();
        Waits.await(name + " to stop at the lock the test holds, to wait, or to finish", Duration.ofSeconds(10))
                .until(() -> !t.isAlive() || blockedOn(t, guard) || t.getState() == Thread.State.WAITING
                        || t.getState() == Thread.State.TIMED_WAITING);
        return t;
    }

    /**
     * Holds {@code guard} (found on an object like {@code target} by {@link #lockOf}: pass the same
     * object) and runs {@code reader}; returns null if the reader stopped at the lock, or a
     * sentence for the student if it ran to the end.
     */
    public static <T> String readerOutsideLock(Guard guardOfType, Class<?> type, T target, String readerName,
            Consumer<T> reader, String writerName) {
        Guard guard = on(guardOfType, type, target);
        if (guard == null) {
            return null;
        }
        reader.accept(target);       // warmed up, as the writer in lockOf
        Thread[] r = new Thread[1];
        boolean[] stopped = new boolean[1];
        Guard held = guard;
        guard.hold(() -> {
            r[0] = runUntilStoppedOrDone(readerName, held, () -> reader.accept(target));
            stopped[0] = r[0].isAlive();
        });
        Waits.await(readerName + " to finish once the test let go of the lock", Duration.ofSeconds(10))
                .until(() -> !r[0].isAlive());
        if (stopped[0]) {
            return null;
        }
        return "while the test thread held " + guard.name() + ", the lock " + writerName + " takes, another"
                + " thread called " + readerName + " and it returned: " + readerName + " reads without that lock. A reader"
                + " without the writer's lock may see a stale or half-made value; take the same lock in the"
                + " reader (or keep the value in a volatile or atomic field).";
    }

    /** True if the class keeps some state in a java.util.concurrent.atomic field (AtomicLong, LongAdder, …). */
    public static boolean hasAtomicField(Class<?> type) {
        for (Field f : type.getDeclaredFields()) {
            if (f.getType().getName().startsWith("java.util.concurrent.atomic.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Null if {@code writer} takes a lock the test can find, or the class counts in an atomic
     * field; otherwise a sentence for the student. Deterministic: a racy writer fails it on the
     * first call, with no race having to happen.
     */
    public static <T> String unguardedWriter(Class<?> type, Supplier<T> make, String writerName, Consumer<T> writer) {
        if (hasAtomicField(type) || lockOf(type, make, writerName, writer) != null) {
            return null;
        }
        return "the test held " + type.getSimpleName() + "'s own lock and the lock of each of its fields in turn,"
                + " and " + writerName + " ran to the end on another thread every time: it takes no lock (and "
                + type.getSimpleName() + " has no AtomicLong, LongAdder or other atomic field). Then two threads"
                + " can interleave fetch, +1 and store, and one update is lost. (volatile is not enough: it makes"
                + " the write visible, not the three steps one; a lock made in the call is nobody else's.)";
    }
}
