package wirelab.threads.workers;

import java.util.function.Consumer;

/**
 * Exercise 1a: a worker written as a subclass of {@link Thread} (the lecture's SomeThread).
 *
 * <p>Each worker prints "Thread&lt;id&gt;: 1" … "Thread&lt;id&gt;: 10". It prints into {@code out}
 * instead of System.out so the tests can read what it printed.
 *
 * <p>Run it: {@code RunThreads.main} starts three of them; the tests are {@code WorkersTest}.
 */
public class SomeThread extends Thread {

    private final int myID;
    private final Consumer<String> out;

    public SomeThread(int id, Consumer<String> out) {
        super("SomeThread-" + id);
        this.myID = id;
        this.out = out;
    }

    /** Runs on the new thread once someone calls {@link #start()}; never call it yourself. */
    @Override
    public void run() {
        throw new UnsupportedOperationException("TODO: print \"Thread<id>: 1\" to \"Thread<id>: 10\" into out, one line each");
    }
}
