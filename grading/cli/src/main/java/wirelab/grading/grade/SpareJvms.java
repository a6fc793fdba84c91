package wirelab.grading.grade;

import java.util.concurrent.Semaphore;

/**
 * Test-JVM turns beyond each lane's own. A submission with parts of its tests still waiting may
 * start the next one in another test JVM while a turn is free; the parts themselves are fixed
 * (see {@link Shards}), so a turn changes when a part runs, never what runs with what. Turns come
 * from the batch's budget that its lanes do not use, and from lanes with no submission left: a
 * large class runs one JVM per submission on many lanes, and the end of the batch still keeps
 * every core busy instead of waiting on one JVM.
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
