package wirelab.threads.visibility;

import java.util.concurrent.atomic.AtomicBoolean;

/** A correct alternative: the stop flag is an AtomicBoolean. */
public class StoppableWorker implements Runnable {

    private final AtomicBoolean running = new AtomicBoolean(true);

    private long spins;

    @Override
    public void run() {
        while (running.get()) {
            spins++;
        }
    }

    public void stop() {
        running.set(false);
    }

    public long spins() {
        return spins;
    }
}
