package wirelab.threads.visibility;

import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import wirelab.testkit.Waits;

/** Test helper: runs a StoppableWorker hot, stops it, and reports whether its thread saw the stop. */
final class Spinners {

    /** How long the loop runs before stop(): long enough for the JIT to compile it, as in a server. */
    static final Duration HOT = Duration.ofMillis(300);
    /** How long a stopped worker may take to notice. A visible write is seen in microseconds. */
    static final Duration GRACE = Duration.ofSeconds(1);
    /**
     * Workers tried one after another. The first one often stops anyway, because its loop was
     * still interpreted when stop() came; by the next one the JIT has compiled the loop.
     */
    static final int ATTEMPTS = 3;

    private Spinners() {
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
