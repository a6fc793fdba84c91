package wirelab.threads.visibility;

/**
 * Exercise 4: a visibility bug. The worker spins until another thread calls {@link #stop()}.
 *
 * <p>Without {@code volatile}, the Java memory model lets the worker's thread never see the
 * write of {@code running = false}: the JIT compiler may read the field once, keep it in a
 * register and loop forever. {@code volatile} forbids that: every read sees the latest write.
 *
 * <p>Tests: {@code StoppableWorkerTest}; jcstress {@code StopFlagTermination}.
 */
public class StoppableWorker implements Runnable {

    private boolean running = true;

    private long spins;

    /** Spins until stopped. */
    @Override
    public void run() {
        while (running) {
            spins++;
        }
    }

    /** Asks the worker to stop; called from another thread. Synchronized, so the write is safe. */
    public synchronized void stop() {
        running = false;
    }

    /** How often the loop ran; read it after the worker's thread has ended. */
    public long spins() {
        return spins;
    }
}
