package wirelab.grading.batch;

import java.util.concurrent.Semaphore;
import wirelab.grading.grade.PreparedLab;

/**
 * The machine's grading capacity shared by several labs graded at once (the demo): each lab keeps
 * the density of test JVMs it is tuned for ({@link PreparedLab#jvmBudget}: a lab whose tests
 * mostly wait runs several per core, a CPU-bound one one per core), and a submission holds its
 * lab's share of the cores while it is graded. So when one lab is down to its last slow
 * submission, the others' submissions fill the cores instead of waiting for the next lab.
 *
 * <p>First come, first served: a submission that needs a large share (a CPU-bound lab's) is not
 * overtaken for ever by small ones.
 */
public final class SharedLanes {

    /** Shares per core: fine enough for 1, 1.5, 2, 3, 4 and 6 test JVMs per core. */
    private static final int SHARES_PER_CORE = 12;

    private final int capacity;
    private final Semaphore free;

    /** @param cores the cores the labs share */
    public SharedLanes(int cores) {
        this.capacity = Math.max(1, cores) * SHARES_PER_CORE;
        this.free = new Semaphore(capacity, true);
    }

    /**
     * What one submission of {@code lab} holds: a core divided by the test JVMs per core the lab
     * runs when graded alone.
     */
    int sharesOf(PreparedLab lab) {
        double perCore = (double) lab.jvmBudget() / Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(capacity, (int) Math.round(SHARES_PER_CORE / perCore)));
    }

    /** How many submissions of {@code lab} fit at once when it has the cores to itself. */
    public int lanesFor(PreparedLab lab) {
        return Math.max(1, capacity / sharesOf(lab));
    }

    /** Waits for a submission's share; release it with {@link #release}. */
    int take(PreparedLab lab) throws InterruptedException {
        int n = sharesOf(lab);
        free.acquire(n);
        return n;
    }

    void release(int shares) {
        free.release(shares);
    }
}
