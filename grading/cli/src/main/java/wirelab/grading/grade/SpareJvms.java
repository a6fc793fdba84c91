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

    /** Where a turn came from, to give it back there. */
    enum Turn { SPARE, LENT }

    private final Semaphore free = new Semaphore(0);
    private volatile IdleCores idle;

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

    /**
     * Also lends turns while the machine has a core idle (see {@link IdleCores}); null stops
     * lending. The demo lends: its samples' failing tests often wait out their own bounds.
     */
    public void lendWhenIdle(IdleCores cores) {
        this.idle = cores;
    }

    /** A spare turn, else a lent one; null when there is neither. */
    Turn tryTake() {
        if (free.tryAcquire()) {
            return Turn.SPARE;
        }
        IdleCores cores = idle;
        return cores != null && cores.tryLend() ? Turn.LENT : null;
    }

    void giveBack(Turn turn) {
        if (turn == Turn.SPARE) {
            free.release();
        } else if (turn == Turn.LENT && idle != null) {
            idle.giveBack();
        }
    }
}
