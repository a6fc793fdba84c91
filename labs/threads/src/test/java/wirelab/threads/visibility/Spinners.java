package wirelab.threads.visibility;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.awaitility.core.ConditionTimeoutException;
import wirelab.testkit.Stress;
import wirelab.testkit.Waits;

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

    private Spinners() {
    }

    /**
     * Null if the field stop() writes is volatile (or stop() is synchronized, or it writes no
     * field of its own, e.g. an AtomicBoolean's); otherwise a message for the student. Reads the
     * class, so the verdict does not depend on the JIT: a plain flag that stops in every run
     * (another volatile access in the loop, an interpreter that rereads it) still fails.
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
            if (Modifier.isSynchronized(StoppableWorker.class.getMethod("stop").getModifiers())) {
                return null;
            }
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                if (!Objects.equals(before.get(i), f.get(worker)) && !Modifier.isVolatile(f.getModifiers())) {
                    return "stop() changes the field '" + f.getName() + "' (" + before.get(i) + " -> " + f.get(worker)
                            + "), which run() reads on another thread, but '" + f.getName() + "' is not volatile."
                            + " The worker may stop in your runs anyway, but nothing guarantees it: the JIT may keep"
                            + " the field in a register and spin forever. Declare it volatile.";
                }
            }
            return null;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("could not read StoppableWorker's fields: " + e, e);
        }
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
