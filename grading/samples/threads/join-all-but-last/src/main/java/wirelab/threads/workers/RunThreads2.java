package wirelab.threads.workers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Exercise 1d: run N {@link SomeThread2}s, each on its own {@link Thread}, at the same time,
 * and wait for all of them (the lecture's RunThreads2, plus the join).
 *
 * <p>Run it: {@code ./mvnw -q exec:java -Dexec.mainClass=wirelab.threads.workers.RunThreads2}
 * or from your IDE.
 */
public class RunThreads2 {

    /**
     * Runs {@code n} SomeThread2 tasks with ids 1..n on {@code n} new threads: start them all,
     * then join them all. Returns the threads; when it returns, every one has finished.
     */
    public static List<Thread> runAll(int n, Consumer<String> out) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int id = 1; id <= n; id++) {
            Thread t = new Thread(new SomeThread2(id, out), "SomeThread2-" + id);
            t.start();
            threads.add(t);
        }
        for (int i = 0; i < threads.size() - 1; i++) {
            threads.get(i).join();
        }
        return threads;
    }

    public static void main(String[] args) throws InterruptedException {
        runAll(3, System.out::println);
    }
}
