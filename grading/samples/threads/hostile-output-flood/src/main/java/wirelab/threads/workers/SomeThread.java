package wirelab.threads.workers;

import java.util.function.Consumer;

/** HOSTILE SAMPLE: floods standard output forever. */
public class SomeThread extends Thread {

    private final int myID;

    public SomeThread(int id, Consumer<String> out) {
        super("SomeThread-" + id);
        this.myID = id;
    }

    @Override
    public void run() {
        for (long i = 0; ; i++) {
            System.out.println("Thread" + myID + " says hello, again and again and again: " + i);
        }
    }
}
