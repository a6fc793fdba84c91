package wirelab.threads.visibility;

import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import wirelab.testkit.Waits;

/** Test helper: runs a StoppableWorker hot, stops it, and reports whether its thread saw the stop. */
final class Spinners {

    /** How long the loop runs before stop(): long enough for the JIT to compile it, as in a server. */
    static final Duration HOT = Duration.ofMillis(300);
    /** How long a stopped worker may take to notice. A visible write is seen in microseconds. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private Spinners() {
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
            return "stop() set running = false, but the worker was still spinning " + GRACE.toSeconds()
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
