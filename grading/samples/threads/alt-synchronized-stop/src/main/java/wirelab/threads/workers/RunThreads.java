package wirelab.threads.workers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A correct alternative: every worker started first, then each joined in slices until it has ended. */
public class RunThreads {

    /**
     * Starts {@code n} workers with ids 1..n, ALL of them first, then joins them all.
     * Returns the threads it started; when it returns, every one of them has finished.
     */
    public static List<Thread> runAll(int n, Consumer<String> out) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int id = 1; id <= n; id++) {
            Thread t = new SomeThread(id, out);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            while (t.isAlive()) {
                t.join(500);
            }
        }
        return threads;
    }

    public static void main(String[] args) throws InterruptedException {
        runAll(3, System.out::println);
    }
}
