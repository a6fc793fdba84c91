package wirelab.testkit;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Optional;

/**
 * Finds deadlocked threads with {@link ThreadMXBean#findDeadlockedThreads()} and describes them
 * the way a student can act on: which thread holds which lock, which lock it waits for, and the
 * source lines where each one is stuck.
 */
public final class Deadlocks {

    private static final int FRAMES = 6;

    private Deadlocks() {
    }

    /** A readable report of the current deadlock, if there is one. */
    public static Optional<String> report() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] ids = mx.findDeadlockedThreads();
        if (ids == null || ids.length == 0) {
            return Optional.empty();
        }
        ThreadInfo[] infos = mx.getThreadInfo(ids, true, true);
        StringBuilder out = new StringBuilder("Deadlock: ").append(ids.length)
                .append(" threads are each waiting for a lock another one holds.\n");
        for (ThreadInfo info : infos) {
            if (info == null) {
                continue;
            }
            out.append("  thread \"").append(info.getThreadName()).append('"');
            LockInfo waiting = info.getLockInfo();
            if (waiting != null) {
                out.append(" waits for ").append(describe(waiting));
                if (info.getLockOwnerName() != null) {
                    out.append(" held by \"").append(info.getLockOwnerName()).append('"');
                }
            }
            out.append('\n');
            for (MonitorInfo held : info.getLockedMonitors()) {
                out.append("    holds ").append(describe(held)).append(" (locked at ")
                        .append(held.getLockedStackFrame()).append(")\n");
            }
            for (LockInfo held : info.getLockedSynchronizers()) {
                out.append("    holds ").append(describe(held)).append('\n');
            }
            StackTraceElement[] stack = info.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, stack.length); i++) {
                out.append("      at ").append(stack[i]).append('\n');
            }
        }
        return Optional.of(out.toString());
    }

    /** Fails with the report when threads are deadlocked. */
    public static void assertNone() {
        report().ifPresent(r -> {
            throw new AssertionError(r);
        });
    }

    private static String describe(LockInfo lock) {
        return lock.getClassName() + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }
}
