package wirelab.threads.bank;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;
import wirelab.testkit.Waits;

/**
 * Test helper: an Account that holds the first transfer right after it read the balance, until
 * a second transfer has read it too or is stopped at a lock. A transfer that checks the balance
 * before taking both locks then lets both see the same last unit of money, every time: the
 * overdraft happens by design, not by luck. A correct transfer holds the locks while it reads, so
 * the second one waits at a lock and the first goes on.
 */
final class GatedAccount extends Account {

    /** The longest the first reader waits for a second one that neither reads nor stops (e.g. a spinning tryLock). */
    private static final Duration AT_MOST = Duration.ofSeconds(5);

    private final AtomicInteger reads = new AtomicInteger();
    private volatile Thread second;

    GatedAccount(int id, long balance) {
        super(id, balance);
    }

    /** The thread of the second transfer, started once the first waits here (see {@link #firstIsHeld}). */
    void secondIs(Thread t) {
        second = t;
    }

    /** True once the first reader is held at the gate. */
    boolean firstIsHeld() {
        return reads.get() >= 1;
    }

    @Override
    public long balance() {
        long seen = super.balance();
        if (reads.incrementAndGet() == 1) {
            try {
                Waits.await("the second transfer to read the balance or wait for a lock", AT_MOST)
                        .until(() -> reads.get() >= 2 || stopped(second));
            } catch (ConditionTimeoutException e) {
                // the second transfer neither read nor stopped (it spins, or backs off): go on
            }
        }
        return seen;
    }

    /** Blocked on a monitor, parked on a Lock or sleeping between tries: not running into the balance. */
    private static boolean stopped(Thread t) {
        if (t == null) {
            return false;
        }
        if (t.getState() == Thread.State.TERMINATED) {
            return true;
        }
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(t.getId());
        return info != null && (info.getThreadState() == Thread.State.BLOCKED
                || info.getThreadState() == Thread.State.WAITING
                || info.getThreadState() == Thread.State.TIMED_WAITING);
    }
}
