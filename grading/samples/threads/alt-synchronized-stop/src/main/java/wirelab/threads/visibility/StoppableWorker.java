package wirelab.threads.visibility;

/** A correct alternative: a plain flag that stop() writes and run() reads under the worker's lock. */
public class StoppableWorker implements Runnable {

    private boolean running = true;

    private long spins;

    /** Spins until stopped. */
    @Override
    public void run() {
        while (isRunning()) {
            spins++;
        }
    }

    private synchronized boolean isRunning() {
        return running;
    }

    /** Asks the worker to stop; called from another thread. */
    public synchronized void stop() {
        running = false;
    }

    /** How often the loop ran; read it after the worker's thread has ended. */
    public long spins() {
        return spins;
    }
}
