package wirelab.grading.runner;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.util.Set;
import wirelab.testkit.Deadlocks;

/**
 * The threads of a test that did not finish, for its feedback: a deadlock first if there is one,
 * then every thread of the test with its state, the lock it waits for and who holds it, the locks
 * it holds, and its frames down to where JUnit called the test.
 */
final class ThreadDump {

    private static final int FRAMES = 30;
    /** The runner's and the JVM's own threads: nothing of the student's or the test's runs there. */
    private static final Set<String> OURS = Set.of("main", "wirelab-stuck-watch", "Reference Handler", "Finalizer",
            "Signal Dispatcher", "Common-Cleaner", "Notification Thread", "Attach Listener",
            "junit-jupiter-timeout-watcher");

    private ThreadDump() {
    }

    static String now() {
        StringBuilder sb = new StringBuilder();
        Deadlocks.report().ifPresent(r -> sb.append(r).append('\n'));
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            if (OURS.contains(info.getThreadName())) {
                continue;
            }
            describe(info, sb);
        }
        return sb.toString();
    }

    private static void describe(ThreadInfo info, StringBuilder sb) {
        sb.append('"').append(info.getThreadName()).append('"');
        if (info.getThreadName().startsWith("junit-timeout-thread")) {
            sb.append(" (the thread that runs the test)");
        }
        sb.append(' ').append(info.getThreadState());
        LockInfo lock = info.getLockInfo();
        if (lock != null) {
            sb.append(" on ").append(lock);
            if (info.getLockOwnerName() != null) {
                sb.append(" held by \"").append(info.getLockOwnerName()).append('"');
            }
        }
        sb.append('\n');
        StackTraceElement[] stack = info.getStackTrace();
        int shown = 0;
        for (int i = 0; i < stack.length; i++) {
            StackTraceElement f = stack[i];
            if (i > 0 && (f.getClassName().startsWith("org.junit.") || f.getClassName().startsWith("jdk.internal.reflect.")
                    || f.getClassName().startsWith("java.lang.reflect."))) {
                break;   // below here: how JUnit called the test
            }
            if (shown++ == FRAMES) {
                sb.append("\t...\n");
                break;
            }
            sb.append("\tat ").append(f).append('\n');
            for (MonitorInfo m : info.getLockedMonitors()) {
                if (m.getLockedStackDepth() == i) {
                    sb.append("\t- locked ").append(m).append('\n');
                }
            }
        }
        for (LockInfo held : info.getLockedSynchronizers()) {
            if (!held.getClassName().startsWith("java.util.concurrent.ThreadPoolExecutor$Worker")) {   // the pool's own
                sb.append("\t- holds ").append(held).append('\n');
            }
        }
        sb.append('\n');
    }
}
