package wirelab.grading.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import wirelab.grading.grade.IdleCores;
import wirelab.grading.grade.PreparedLab;

/**
 * The machine's grading capacity shared by several labs graded at once (the demo): each lab keeps
 * the density of test JVMs it is tuned for ({@link PreparedLab#jvmBudget}: a lab whose tests
 * mostly wait runs several per core, a CPU-bound one one per core), and a submission holds its
 * lab's share of the cores while it is graded. So when one lab is down to its last slow
 * submission, the others' submissions fill the cores instead of waiting for the next lab.
 *
 * <p>A lab with nothing running goes first, then the lab with the most work left (its shares
 * times the reference's test time times its submissions not yet started): the longest lab sets
 * the demo's length, so it must not wait while shorter ones fill the cores, but neither may a
 * lab's slowest sample (the demo starts those first). Within a lab, first come, first served; a submission
 * that needs more shares than are free is not overtaken, so a CPU-bound lab is not starved by
 * small ones.
 *
 * <p>While the machine has a core idle ({@link IdleCores}), the first in line may also start on
 * lent shares: a sample whose failing tests wait out their own bounds holds its share but uses
 * no CPU. At most {@link #LENT_CAPACITIES} more capacities are lent at once: with reused results
 * most samples run a few test classes, one JVM start and some waits.
 */
public final class SharedLanes {

    /** Shares per core: fine enough for 1, 1.5, 2, 3, 4 and 6 test JVMs per core. */
    private static final int SHARES_PER_CORE = 12;

    /** How many capacities beyond its own the machine may be lent while a core idles. */
    static final int LENT_CAPACITIES = 2;

    /** How often a waiter looks whether a core idles. */
    private static final long LOOK_MILLIS = 250;

    private final int capacity;
    private final IdleCores idle;
    private int free;
    private long arrivals;
    private final List<Ticket> waiting = new ArrayList<>();

    /**
     * One submission waiting for its share: its lab (null: any), the work its lab has left, its
     * place in line.
     */
    private record Ticket(Object lab, int lanes, int shares, double workLeft, long arrival) {
    }

    private static final Comparator<Ticket> FIRST = Comparator.comparingDouble(Ticket::workLeft).reversed()
            .thenComparingLong(Ticket::arrival);

    /** Submissions running per lab: a lab beyond its own lanes starts more only on lent cores. */
    private final Map<Object, Integer> running = new HashMap<>();

    /** What a submission holds while it is graded: its lab, its shares, and whether they were lent. */
    public record Held(Object lab, int shares, boolean lent) {
    }

    /**
     * @param cores the cores the labs share
     * @param idle  lends shares while a core idles; null for none
     */
    public SharedLanes(int cores, IdleCores idle) {
        this.capacity = Math.max(1, cores) * SHARES_PER_CORE;
        this.free = capacity;
        this.idle = idle;
    }

    /** The cores the labs may use; when they are busy, no more. */
    public SharedLanes(int cores) {
        this(cores, null);
    }

    /** The lender of idle cores, shared with the labs' extra test JVMs; null when none. */
    public IdleCores idle() {
        return idle;
    }

    int free() {
        synchronized (this) {
            return free;
        }
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

    /**
     * Waits for a submission's share; release it with {@link #release}.
     *
     * @param notStarted the lab's submissions not started yet, this one included
     */
    Held take(PreparedLab lab, int notStarted) throws InterruptedException {
        int shares = sharesOf(lab);
        return take(lab, lanesFor(lab), shares, shares * Math.max(0.1, lab.baseline().referenceSeconds()) * notStarted);
    }

    /**
     * Waits until this submission may start: on its lab's own shares when its lab runs fewer than
     * {@code lanes} and no waiter with more work left (or as much, come earlier) is ahead and the
     * shares are free; or on lent shares, first in line of all, while a core idles.
     */
    synchronized Held take(Object lab, int lanes, int shares, double workLeft) throws InterruptedException {
        Ticket me = new Ticket(lab, lanes, shares, workLeft, arrivals++);
        waiting.add(me);
        boolean lent = false;
        try {
            while (true) {
                boolean own = waiting.stream().filter(this::withinLanes).min(idleLabsFirst()).orElse(null) == me;
                if (own && free >= shares) {
                    break;
                }
                if (idle != null && waiting.stream().min(idleLabsFirst()).orElseThrow() == me && free - shares >= -LENT_CAPACITIES * capacity
                        && idle.tryLend()) {
                    lent = true;
                    break;
                }
                wait(idle == null ? 0 : LOOK_MILLIS);
            }
        } finally {
            waiting.remove(me);
            notifyAll();
        }
        free -= shares;
        running.merge(lab, 1, Integer::sum);
        return new Held(lab, shares, lent);
    }

    /**
     * A lab with nothing running goes ahead of the work-left order: its first samples are those
     * expected to take longest (the demo starts them first), and started last they would set the end.
     */
    private Comparator<Ticket> idleLabsFirst() {
        return Comparator.comparing((Ticket t) -> t.lab() != null && running.getOrDefault(t.lab(), 0) > 0).thenComparing(FIRST);
    }

    private boolean withinLanes(Ticket t) {
        return t.lab() == null || running.getOrDefault(t.lab(), 0) < t.lanes();
    }

    synchronized void release(Held held) {
        free += held.shares();
        running.merge(held.lab(), -1, Integer::sum);
        if (held.lent()) {
            idle.giveBack();
        }
        notifyAll();
    }
}
