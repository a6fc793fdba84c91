package wirelab.threads.counters;

/**
 * Exercise 2d: the lecture's SomeThread3, with one private static lock object that every
 * SomeThread3 shares instead of the class object.
 */
public class SomeThread3 implements Runnable {

    static int count = 0;

    private static final Object COUNT_LOCK = new Object();

    private final int times;

    /** A task that calls {@link #update()} {@code times} times. */
    public SomeThread3(int times) {
        this.times = times;
    }

    @Override
    public void run() {
        for (int i = 0; i < times; i++) {
            update();
        }
    }

    /** The lecture's update: fetch, increment, store. One lock for the one shared count. */
    public static void update() {
        synchronized (COUNT_LOCK) {
            int myCount = count;
            myCount++;
            count = myCount;
        }
    }

    /** The shared count. */
    public static int count() {
        synchronized (COUNT_LOCK) {
            return count;
        }
    }

    /** Sets the shared count back to 0 (tests call this before each round). */
    public static void reset() {
        synchronized (COUNT_LOCK) {
            count = 0;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(new SomeThread3(100_000));
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("count=" + count() + " (expected 400000)");
    }
}
