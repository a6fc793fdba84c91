package wirelab.threads.bank;

import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import wirelab.testkit.Waits;

/**
 * Test helper: checks the lock ORDER of a transfer without waiting for a deadlock to happen.
 * The test holds the smaller account's lock; a correct transfer then waits for it holding
 * nothing, while "from first" (or "to first") code already holds the larger account's lock.
 * With a second transfer running the other way, that is exactly the deadlock.
 */
final class LockOrder {

    private LockOrder() {
    }

    static void assertNoLockHeldWhileWaiting(Account small, Account large, String call, Runnable transfer) {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                transfer.run();
            } catch (Throwable e) {
                failed.set(e);
            }
        }, call);
        worker.setDaemon(true);
        String problem = null;
        synchronized (small) {
            worker.start();
            Waits.await(call + " to wait for account 1's lock (the test holds it)", Duration.ofSeconds(5))
                    .until(() -> worker.getState() == Thread.State.BLOCKED
                            || worker.getState() == Thread.State.WAITING || !worker.isAlive());
            ThreadInfo info = ManagementFactory.getThreadMXBean()
                    .getThreadInfo(new long[] {worker.getId()}, true, true)[0];
            if (info != null) {
                for (MonitorInfo held : info.getLockedMonitors()) {
                    if (held.getIdentityHashCode() == System.identityHashCode(large)) {
                        problem = call + " took account 2's lock (at " + held.getLockedStackFrame() + ") and then"
                                + " waited for account 1's lock" + where(info) + ". If another thread runs the"
                                + " transfer the other way at that moment, it holds account 1 and waits for"
                                + " account 2: a deadlock. Take the lock of the account with the SMALLER id first,"
                                + " whatever the direction.";
                    }
                }
            }
        }
        Waits.await(call + " to finish once account 1's lock is free", Duration.ofSeconds(5))
                .until(() -> !worker.isAlive());
        if (problem != null) {
            throw new AssertionError(problem);
        }
        if (failed.get() != null) {
            throw new AssertionError(call + " threw " + failed.get(), failed.get());
        }
    }

    private static String where(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        return stack.length == 0 ? "" : " (at " + stack[0] + ")";
    }
}
