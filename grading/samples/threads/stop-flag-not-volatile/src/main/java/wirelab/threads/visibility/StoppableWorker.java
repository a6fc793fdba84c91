package wirelab.threads.visibility;

public class StoppableWorker implements Runnable {

    private boolean running = true;   // not volatile: the worker's thread may never see stop()

    private long spins;

    @Override
    public void run() {
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
