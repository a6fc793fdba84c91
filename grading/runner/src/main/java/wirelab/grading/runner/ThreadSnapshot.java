package wirelab.grading.runner;

import java.lang.management.LockInfo;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The threads of a running test at one instant, each sorted by whether it can still move on by
 * itself. {@link StuckWatch} compares such snapshots over a few seconds.
 *
 * <ul>
 * <li>{@link Kind#MOVING}: it will do something without help: a timed wait or sleep (Awaitility's
 *     polls, a bounded latch, a socket timeout's timer), a read, accept or other native call
 *     (the network, a child process), a thread not yet started.</li>
 * <li>{@link Kind#WAITING}: only another thread can wake it: wait(), join(), park(), a blocked
 *     monitor enter, and a pool's idle worker (its timed wait only ends the worker).</li>
 * <li>{@link Kind#SPINNING}: runs Java code; whether that is progress shows only over time (see
 *     {@link #spot}).</li>
 * </ul>
 */
record ThreadSnapshot(Map<Long, Entry> threads) {

    enum Kind { MOVING, WAITING, SPINNING }

    /** One thread: what it is doing, and where ({@link #spot}). */
    record Entry(long id, String name, Thread.State state, Kind kind, String spot) {
    }

    /**
     * Threads that never do a test's work and whose timed waits would hide every stuck test: the
     * JVM's cleaner and JUnit's time-limit watcher. (The reference handler and the finalizer stay:
     * they wait untimed, and run when the test's references need them.)
     */
    private static final Set<String> SERVICE_THREADS = Set.of("Common-Cleaner", "junit-jupiter-timeout-watcher");

    /** The JVM's threads that a snapshot keeps (they can matter) but that are no one's code. */
    static boolean jvmOwn(String name) {
        return name.equals("Reference Handler") || name.equals("Finalizer");
    }

    /** Calls a spinning loop makes while it waits for nothing: not I/O, not progress. */
    private static final Set<String> SPIN_CALLS = Set.of("java.lang.Thread.yield", "java.lang.Thread.yield0",
            "java.lang.Thread.onSpinWait");

    /**
     * @param infos    every live thread, with stacks
     * @param launcher the thread that runs the JUnit launcher: while it only waits for the test's
     *                 own thread (the per-test time limit), it is not part of the test
     * @param ignored  threads of the harness itself (the watch)
     */
    static ThreadSnapshot of(ThreadInfo[] infos, long launcher, Set<Long> ignored) {
        Map<Long, Entry> out = new LinkedHashMap<>();
        for (ThreadInfo info : infos) {
            if (info == null || ignored.contains(info.getThreadId()) || SERVICE_THREADS.contains(info.getThreadName())) {
                continue;
            }
            StackTraceElement[] stack = info.getStackTrace();
            if (stack.length == 0 && info.getThreadState() == Thread.State.RUNNABLE) {
                continue;   // a JVM-internal thread with no Java code
            }
            if (info.getThreadId() == launcher && waitsForTimeLimit(stack)) {
                continue;
            }
            Kind kind = info.getThreadId() == launcher ? Kind.MOVING : kind(info.getThreadState(), stack);
            out.put(info.getThreadId(), new Entry(info.getThreadId(), info.getThreadName(), info.getThreadState(), kind,
                    spot(info, stack)));
        }
        return new ThreadSnapshot(out);
    }

    static Kind kind(Thread.State state, StackTraceElement[] stack) {
        return switch (state) {
            case NEW -> Kind.MOVING;
            case TIMED_WAITING -> idleWorker(stack) ? Kind.WAITING : Kind.MOVING;
            case WAITING, BLOCKED -> Kind.WAITING;
            case TERMINATED -> Kind.WAITING;
            case RUNNABLE -> {
                StackTraceElement top = firstNotSpinCall(stack);
                if (top != null && top.getClassName().equals("java.lang.ref.Reference")
                        && top.getMethodName().equals("waitForReferencePendingList")) {
                    yield Kind.WAITING;   // the reference handler waits for the collector, which runs for others
                }
                if (top != null && top.isNativeMethod()) {
                    yield Kind.MOVING;   // I/O or another native call: the JVM cannot tell whether it will return
                }
                if (top != null && top.getClassName().startsWith("jdk.internal.vm.Continuation")) {
                    yield Kind.MOVING;   // a carrier running a virtual thread: its stack is not the work's
                }
                yield Kind.SPINNING;
            }
        };
    }

    /**
     * A pool's worker with no task: its timed wait ends only the worker, never brings a task. A
     * scheduled pool's worker with a task due later is waiting for a timer, so it is moving.
     */
    static boolean idleWorker(StackTraceElement[] stack) {
        boolean pool = false;
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            if (c.startsWith("java.util.concurrent.ScheduledThreadPoolExecutor")) {
                return false;
            }
            if ((c.equals("java.util.concurrent.ThreadPoolExecutor") && f.getMethodName().equals("getTask"))
                    || (c.equals("java.util.concurrent.ForkJoinPool") && f.getMethodName().equals("awaitWork"))) {
                pool = true;
            }
        }
        return pool;
    }

    /** JUnit's separate-thread time limit: the launcher waits for the thread that runs the test. */
    private static boolean waitsForTimeLimit(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            String c = f.getClassName();
            if (c.equals("org.junit.jupiter.api.AssertTimeoutPreemptively")
                    || c.equals("org.junit.jupiter.engine.extension.SeparateThreadTimeoutInvocation")) {
                return true;
            }
        }
        return false;
    }

    private static StackTraceElement firstNotSpinCall(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            if (!SPIN_CALLS.contains(f.getClassName() + "." + f.getMethodName())) {
                return f;
            }
        }
        return null;
    }

    /**
     * Where a thread is, as text two snapshots can compare: its state, the lock it waits for, and
     * its frames. A running thread's top frame counts without its line (a loop spanning lines is
     * one place) and the calls a spin loop makes to pass time are left out.
     */
    static String spot(ThreadInfo info, StackTraceElement[] stack) {
        StringBuilder sb = new StringBuilder(info.getThreadState().name());
        LockInfo lock = info.getLockInfo();
        if (lock != null) {
            sb.append(" on ").append(lock.getClassName()).append('@').append(Integer.toHexString(lock.getIdentityHashCode()));
        }
        List<StackTraceElement> frames = new ArrayList<>(Arrays.asList(stack));
        if (info.getThreadState() == Thread.State.RUNNABLE) {
            while (!frames.isEmpty() && SPIN_CALLS.contains(frames.get(0).getClassName() + "." + frames.get(0).getMethodName())) {
                frames.remove(0);
            }
        }
        for (int i = 0; i < frames.size(); i++) {
            StackTraceElement f = frames.get(i);
            sb.append('\n').append(f.getClassName()).append('.').append(f.getMethodName());
            if (i > 0 || info.getThreadState() != Thread.State.RUNNABLE) {
                sb.append(':').append(f.getLineNumber());
            }
        }
        return sb.toString();
    }

    boolean anyMoving() {
        return threads.values().stream().anyMatch(e -> e.kind() == Kind.MOVING);
    }

    List<Entry> spinning() {
        return threads.values().stream().filter(e -> e.kind() == Kind.SPINNING).toList();
    }
}
