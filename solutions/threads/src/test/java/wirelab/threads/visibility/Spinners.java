package wirelab.threads.visibility;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.awaitility.core.ConditionTimeoutException;
import wirelab.testkit.Stress;
import wirelab.testkit.Waits;
import wirelab.threads.Guards;

/** Test helper: runs a StoppableWorker hot, stops it, and reports whether its thread saw the stop. */
final class Spinners {

    /**
     * How long the loop runs before stop(): long enough for the JIT to compile it, as in a server
     * (C1 compiles a hot loop within milliseconds). A quarter of it in the student's ./mvnw test:
     * unsafeFlag(), the class check, is the sure one.
     */
    static final Duration HOT = Stress.scaled(Duration.ofMillis(100));
    /** How long a stopped worker may take to notice. A visible write is seen in microseconds. */
    static final Duration GRACE = Duration.ofSeconds(1);
    /**
     * Workers tried one after another. The first one often stops anyway, because its loop was
     * still interpreted when stop() came; by the next one the JIT has compiled the loop.
     */
    static final int ATTEMPTS = 3;
    /**
     * CPU time a worker may spin while the test holds the lock stop() takes before the test says
     * run() reads without it; a run() that reads under it stops at its first read.
     */
    static final Duration SPUN_WITHOUT_THE_LOCK = Duration.ofMillis(200);

    private Spinners() {
    }

    /**
     * Null if the field stop() writes is volatile (or stop() and run() both take one lock, or
     * stop() writes no field of its own, e.g. an AtomicBoolean's); otherwise a message for the
     * student. Reads the class and holds the lock, so the verdict does not depend on the JIT: a
     * plain flag that stops in every run (another volatile access in the loop, an interpreter that
     * rereads it) still fails.
     */
    static String unsafeFlag() {
        try {
            StoppableWorker worker = new StoppableWorker();
            List<Field> fields = new ArrayList<>();
            List<Object> before = new ArrayList<>();
            for (Field f : StoppableWorker.class.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    fields.add(f);
                    before.add(f.get(worker));
                }
            }
            worker.stop();
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                if (!Objects.equals(before.get(i), f.get(worker)) && !Modifier.isVolatile(f.getModifiers())) {
                    String unlocked = readOutsideTheLockOfStop();
                    if (unlocked == null) {
                        return null;    // stop() writes and run() reads under one lock: visible too
                    }
                    return "stop() changes the field '" + f.getName() + "' (" + before.get(i) + " -> " + f.get(worker)
                            + "), which run() reads on another thread, but '" + f.getName() + "' is not volatile"
                            + unlocked + ". The worker may stop in your runs anyway, but nothing guarantees it: the"
                            + " JIT may keep the field in a register and spin forever. Declare it volatile.";
                }
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("could not read StoppableWorker's fields: " + e, e);
        }
    }

    /**
     * Null if run() reads the flag under the lock stop() takes (a lock makes the write visible to
     * the next thread that takes it, and to no other); otherwise the end of a sentence saying which
     * side has no lock. The worker starts while the test holds that lock: a run() that reads under
     * it stops there at once; one that does not spins on, and its thread's CPU time shows it, so
     * the verdict waits for the worker's own work, never for the clock.
     */
    private static String readOutsideTheLockOfStop() {
        Guards.Guard found = Guards.lockOf(StoppableWorker.class, StoppableWorker::new, "stop()", StoppableWorker::stop);
        if (found == null) {
            return ", and stop() takes no lock that run() could share";
        }
        StoppableWorker worker = new StoppableWorker();
        Guards.Guard lock = Guards.on(found, StoppableWorker.class, worker);
        Thread thread = new Thread(worker, "spinner-under-the-lock-of-stop");
        thread.setDaemon(true);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        boolean[] stopped = new boolean[1];
        lock.hold(() -> {
            thread.start();
            long waitStarted = System.nanoTime();
            Waits.await("run() to stop at " + lock.name() + " or to spin without it", Duration.ofSeconds(60))
                    .until(() -> Guards.blockedOn(thread, lock) || !thread.isAlive()
                            || cpuNanos(cpu, thread, waitStarted) > SPUN_WITHOUT_THE_LOCK.toNanos());
            stopped[0] = Guards.blockedOn(thread, lock);
        });
        Thread stopper = new Thread(worker::stop, "stopper");
        stopper.setDaemon(true);       // a run() that keeps the lock for ever must not hold up the test
        stopper.start();
        try {
            Waits.await("the worker to stop after stop()", GRACE).until(() -> !thread.isAlive());
        } catch (ConditionTimeoutException e) {
            giveUp(thread);
        }
        if (stopped[0]) {
            return null;
        }
        return ". stop() takes " + lock.name() + ", but run() does not: while the test held that lock, the"
                + " worker's loop ran on (" + SPUN_WITHOUT_THE_LOCK.toMillis() + " ms of CPU time). A lock makes a write"
                + " visible only to a thread that takes the same lock to read it";
    }

    /** The thread's CPU time; where the JVM cannot measure it, the time since the test began to wait. */
    private static long cpuNanos(ThreadMXBean cpu, Thread thread, long waitStarted) {
        long nanos = cpu.isThreadCpuTimeSupported() ? cpu.getThreadCpuTime(thread.getId()) : -1;
        return nanos >= 0 ? nanos : System.nanoTime() - waitStarted;
    }

    /**
     * Null if a worker whose stop() came before its thread started ends without running its loop;
     * otherwise a message for the student. A run() that sets the flag back to "running" when it
     * starts loses that stop() and spins: its loop count shows it at once, no timeout needed.
     */
    static String stoppedBeforeRun() {
        StoppableWorker worker = new StoppableWorker();
        worker.stop();
        Thread thread = new Thread(worker, "stopped-before-start");
        thread.setDaemon(true);
        thread.start();
        try {
            // ends at once, or shows its loop running: either way decided in milliseconds; the
            // bound is only for a machine so busy that the new thread has not run yet
            Waits.await("a worker stopped before its thread started to end", Duration.ofSeconds(30))
                    .until(() -> !thread.isAlive() || worker.spins() > 0);
        } catch (ConditionTimeoutException e) {
            // still running, its count not seen: the verdict below says so
        }
        boolean ended = !thread.isAlive();
        long spins = worker.spins();
        if (ended && spins == 0) {
            return null;
        }
        if (!ended) {
            worker.stop();              // a run() that reset the flag sees this second stop()
            try {
                Waits.await("the worker to stop after a second stop()", GRACE).until(() -> !thread.isAlive());
            } catch (ConditionTimeoutException e) {
                giveUp(thread);
            }
        }
        return "stop() was called before the worker's thread started; then run() " + (ended
                ? "ran its loop " + spins + " times before it ended" : "started spinning and kept on")
                + ". A worker that was asked to stop must not spin: does run() set the flag back to 'running' when"
                + " it starts? Give the flag its starting value where it is declared, and let only stop() change it.";
    }

    /** Null if every worker stopped after stop(); otherwise a message for the student. */
    static String runAndStopAll(String name) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String problem = runAndStop(name + "-" + attempt);
            if (problem != null) {
                return "worker " + attempt + " of " + ATTEMPTS + ": " + problem;
            }
        }
        return null;
    }

    /** Null if the worker stopped after stop(); otherwise a message for the student. */
    static String runAndStop(String name) {
        StoppableWorker worker = new StoppableWorker();
        Thread thread = new Thread(worker, name);
        thread.setDaemon(true);   // a worker that never sees the stop must not keep the JVM alive
        thread.start();
        Waits.await("the worker to keep spinning until it is stopped", Duration.ofSeconds(5))
                .during(HOT)
                .until(thread::isAlive);
        worker.stop();
        try {
            Waits.await("the worker to stop after stop()", GRACE).until(() -> !thread.isAlive());
            return null;
        } catch (ConditionTimeoutException e) {
            giveUp(thread);
            return "stop() set running = false, but the worker was still spinning " + GRACE.toMillis() / 1000.0
                    + " s later: its thread never saw the write. Without volatile the JIT may read 'running'"
                    + " once and keep it in a register. (Thread '" + name + "' keeps spinning until the JVM"
                    + " exits.)";
        }
    }

    /** Best effort: Thread.stop still works on JDK 17-19; later JDKs refuse, and the thread spins on. */
    @SuppressWarnings({"deprecation", "removal"})
    private static void giveUp(Thread thread) {
        try {
            thread.stop();
        } catch (UnsupportedOperationException | SecurityException ignored) {
            thread.setPriority(Thread.MIN_PRIORITY);
        }
    }
}
