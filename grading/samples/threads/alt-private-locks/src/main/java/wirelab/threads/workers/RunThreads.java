package wirelab.threads.workers;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** A correct alternative: an array of threads, started in one loop and joined in another, from the end. */
public class RunThreads {

    public static List<Thread> runAll(int n, Consumer<String> out) throws InterruptedException {
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            threads[i] = new SomeThread(i + 1, out);
            threads[i].start();
        }
        for (int i = n - 1; i >= 0; i--) {
            threads[i].join();
        }
        return Arrays.asList(threads);
    }

    public static void main(String[] args) throws InterruptedException {
        runAll(3, System.out::println);
    }
}
