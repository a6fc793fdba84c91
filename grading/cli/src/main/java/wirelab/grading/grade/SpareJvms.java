package wirelab.grading.grade;

import java.util.concurrent.Semaphore;

/**
 * Test-JVM turns beyond each lane's own. A submission whose queue still holds tests may start
 * another test JVM (up to the lab's number) while a turn is free. Turns come from the batch's
 * budget that its lanes do not use, and from lanes with no submission left: a large class runs
 * one JVM per submission on many lanes (each extra JVM repeats a start, JUnit and warm-up), and
 * the end of the batch still keeps every core busy instead of waiting on one JVM.
 */
public final class SpareJvms {

    private final Semaphore free = new Semaphore(0);

    /** A batch starts with the turns its lanes leave unused. */
    public void startBatch(int turns) {
        free.drainPermits();
        add(turns);
    }

    /** Adds turns: one lane with no submission left. */
    public void add(int turns) {
        if (turns > 0) {
            free.release(turns);
        }
    }

    boolean tryTake() {
        return free.tryAcquire();
    }

    void giveBack() {
        free.release();
    }
}
