package wirelab.threads.counters;

/**
 * Exercise 2d: the lecture's SomeThread3. The count is {@code static}: ONE count shared by
 * every SomeThread3. So the lock must be one too: a {@code static synchronized} method locks
 * the class object {@code SomeThread3.class}. Locking {@code this} (a plain synchronized
 * instance method) would give every thread its own lock, and protect nothing.
 *
 * <p>Run it: {@code SomeThread3.main}; the tests are in {@code CountersTest}.
 */
public class SomeThread3 implements Runnable {

    static int count = 0;

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

    /** The lecture's update: fetch, increment, store. Make it a critical section. */
    public static void update() {
        int myCount = count;
        myCount++;
        count = myCount;
    }

    /** The shared count. */
    public static synchronized int count() {
        return count;
    }

    /** Sets the shared count back to 0 (tests call this before each round). */
    public static synchronized void reset() {
        count = 0;
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
