package wirelab.threads.visibility;

/** A correct alternative: a plain flag guarded by a private lock object on both sides. */
public class StoppableWorker implements Runnable {

    private final Object lock = new Object();
    private boolean running = true;

    private long spins;

    /** Spins until stopped. */
    @Override
    public void run() {
        while (true) {
            synchronized (lock) {
                if (!running) {
                    return;
                }
            }
            spins++;
        }
    }

    /** Asks the worker to stop; called from another thread. */
    public void stop() {
        synchronized (lock) {
            running = false;
        }
    }

    /** How often the loop ran; read it after the worker's thread has ended. */
    public long spins() {
        return spins;
    }
}
