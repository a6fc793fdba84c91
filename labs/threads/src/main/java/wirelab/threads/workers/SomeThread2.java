package wirelab.threads.workers;

import java.util.function.Consumer;

/**
 * Exercise 1c: the same worker as a {@link Runnable} (the lecture's SomeThread2). A Runnable is
 * only the work; a {@link Thread} runs it. This leaves your class free to extend something else.
 *
 * <p>Run it: {@code RunThreads2.main}; the tests are {@code WorkersTest}.
 */
public class SomeThread2 implements Runnable {

    private final int myID;
    private final Consumer<String> out;

    public SomeThread2(int id, Consumer<String> out) {
        this.myID = id;
        this.out = out;
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("TODO: print \"Thread<id>: 1\" to \"Thread<id>: 10\" into out, one line each");
    }
}
