package wirelab.threads.workers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Exercise 1b: start N {@link SomeThread}s so they run at the same time, then wait for all of
 * them (the lecture's RunThreads, plus the join it leaves out).
 *
 * <p>Run it: {@code ./mvnw -q exec:java -Dexec.mainClass=wirelab.threads.workers.RunThreads}
 * or from your IDE; run it twice and compare the order of the lines.
 */
public class RunThreads {

    /**
     * Starts {@code n} workers with ids 1..n, ALL of them first, then joins them all.
     * Returns the threads it started; when it returns, every one of them has finished.
     */
    public static List<Thread> runAll(int n, Consumer<String> out) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int id = 1; id <= n; id++) {
            Thread t = new SomeThread(id, out);
            t.start();              // start(), not run(): run() would run here, on this thread
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(1_000);          // at most a second each: a stuck worker must not hang the program
        }
        return threads;
    }

    public static void main(String[] args) throws InterruptedException {
        runAll(3, System.out::println);
    }
}
