package wirelab.threads.counters;

public class SomeThread3 implements Runnable {

    static int count = 0;

    private final int times;

    public SomeThread3(int times) {
        this.times = times;
    }

    @Override
    public synchronized void run() {   // locks THIS task only; count is shared by all tasks
        for (int i = 0; i < times; i++) {
            update();
        }
    }

    public static void update() {
        int myCount = count;
        myCount++;
        count = myCount;
    }

    public static synchronized int count() {
        return count;
    }

    public static synchronized void reset() {
        count = 0;
    }
}
