package wirelab.threads.visibility;

public class StoppableWorker implements Runnable {

    private volatile boolean running;

    private long spins;

    @Override
    public void run() {
        running = true;
        while (running) {
            spins++;
        }
    }

    public void stop() {
        running = false;
    }

    public long spins() {
        return spins;
    }
}
