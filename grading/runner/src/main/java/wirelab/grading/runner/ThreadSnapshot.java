package wirelab.grading.runner;

import java.lang.management.LockInfo;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.HashSet;
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
 *     monitor enter, a pool's idle worker (its timed wait only ends the worker), and a test's
 *     bounded wait ({@code Waits}) whose condition is not yet true: it only looks, and its poll
 *     sleeps bring nothing (see {@link #poller}).</li>
 * <li>{@link Kind#SPINNING}: runs Java code, or a native call that only computes and returns
 *     (starting a thread, copying an array); whether that is progress shows only over time (see
 *     {@link #spot}).</li>
 * <li>{@link Kind#READING}: blocked in a read, accept, receive or select on a socket: whether a
 *     byte can still come, or the call has a timeout, only the kernel knows ({@link SocketWaits});
 *     until it says so, such a thread counts as moving.</li>
 * <li>{@link Kind#GATE}: the test's thread at the test kit's {@code StartGate}, waiting (bounded)
 *     for its workers: moving, unless a worker is in a read of the test that can only fail at its
 *     timeout (see {@link #anyMoving}): that failure ends the gate first.</li>
 * </ul>
 *
 * @param threads  every thread that counts, by id
 * @param starting the running threads that were starting a thread ({@code Thread.start}) then
 */
record ThreadSnapshot(Map<Long, Entry> threads, Set<Long> starting) {

    enum Kind { MOVING, WAITING, SPINNING, READING, GATE }

    /**
     * One thread: what it is doing, and where: exactly ({@link #spot}), and as a loop that starts
     * threads sees it ({@link #loopSpot}); {@code awaits}: what it polls for when it is a
     * {@link #poller} (possibly empty), else null; {@code reads}: what it reads when it is the
     * test's own thread {@link Kind#READING} in a read whose timeout fails the test ({@code
     * Reads}), else null.
     */
    record Entry(long id, String name, Thread.State state, Kind kind, String spot, String loopSpot, String awaits,
            String reads) {

        Entry(long id, String name, Thread.State state, Kind kind, String spot, String loopSpot, String awaits) {
            this(id, name, state, kind, spot, loopSpot, awaits, null);
        }
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
     * Native calls that compute and return at once, waiting for nothing outside the JVM: a loop
     * that makes them runs Java code as far as progress goes. Every other native call may wait for
     * the world (I/O, a child process, the clock) and counts as moving.
     */
    private static final Set<String> COMPUTE_CALLS = Set.of("java.lang.Thread.start0", "java.lang.Thread.isAlive",
            "java.lang.Thread.currentThread", "java.lang.Thread.holdsLock", "java.lang.System.arraycopy",
            "java.lang.System.identityHashCode", "java.lang.Object.hashCode", "java.lang.Object.getClass",
            "java.lang.Object.clone");

    /**
     * One thread as the JVM reported it; {@code lock}: what it waits for, as class@hash, or null;
     * {@code unmet}: what its bounded wait waits for while the condition is false ({@code
     * Waits.unmet}), or null; {@code read}: what it reads while in a read of the test that fails
     * at its timeout ({@code Reads.of}), or null.
     */
    record Seen(long id, String name, Thread.State state, String lock, StackTraceElement[] stack, String unmet,
            String read) {

        Seen(long id, String name, Thread.State state, String lock, StackTraceElement[] stack, String unmet) {
            this(id, name, state, lock, stack, unmet, null);
        }

        Seen(long id, String name, Thread.State state, String lock, StackTraceElement[] stack) {
            this(id, name, state, lock, stack, null, null);
        }
    }

    /** The JDK's native calls that block on a socket: a read, an accept, a datagram's receive, a poll, a select. */
    private static final Set<String> SOCKET_CALLS = Set.of("sun.nio.ch.Net.poll", "sun.nio.ch.Net.accept",
            "sun.nio.ch.SocketDispatcher.read0", "sun.nio.ch.DatagramChannelImpl.receive0", "sun.nio.ch.EPoll.wait");

    /** The JDK's socket classes that make those calls (a poll of another kind of channel is not one of them). */
    private static final Set<String> SOCKET_CLASSES = Set.of("sun.nio.ch.NioSocketImpl", "sun.nio.ch.SocketChannelImpl",
            "sun.nio.ch.ServerSocketChannelImpl", "sun.nio.ch.DatagramChannelImpl", "sun.nio.ch.EPollSelectorImpl");

    /** Where Awaitility's poll loop runs the condition and sleeps between looks. */
    private static final String POLL_LOOP_CLASS = "org.awaitility.core.ConditionAwaiter";
    private static final String POLL_LOOP_METHOD = "await";

    /**
     * @param infos    every live thread, with stacks
     * @param launcher the thread that runs the JUnit launcher: while it only waits for the test's
     *                 own thread (the per-test time limit), it is not part of the test
     * @param ignored  threads of the harness itself (the watch)
     */
    static ThreadSnapshot of(ThreadInfo[] infos, long launcher, Set<Long> ignored) {
        List<Seen> seen = new ArrayList<>();
        for (ThreadInfo info : infos) {
            if (info != null && !ignored.contains(info.getThreadId())) {
                LockInfo lock = info.getLockInfo();
                seen.add(new Seen(info.getThreadId(), info.getThreadName(), info.getThreadState(), lock == null ? null
                        : lock.getClassName() + '@' + Integer.toHexString(lock.getIdentityHashCode()), info.getStackTrace(),
                        Polls.unmet(info.getThreadId()), Polls.boundedRead(info.getThreadId())));
            }
        }
        return of(seen, launcher);
    }

    static ThreadSnapshot of(List<Seen> seen, long launcher) {
        Map<Long, Entry> out = new LinkedHashMap<>();
        Set<Long> starting = new HashSet<>();
        for (Seen t : seen) {
            if (SERVICE_THREADS.contains(t.name())) {
                continue;
            }
            if (t.stack().length == 0 && t.state() == Thread.State.RUNNABLE) {
                continue;   // a JVM-internal thread with no Java code, or one not yet running any
            }
            if (t.id() == launcher && waitsForTimeLimit(t.stack())) {
                continue;
            }
            if (t.id() != launcher && poller(t)) {
                String at = pollSpot(t);
                out.put(t.id(), new Entry(t.id(), t.name(), t.state(), Kind.WAITING, at, at, t.unmet()));
                continue;
            }
            Kind kind = t.id() == launcher ? Kind.MOVING : kind(t.state(), t.stack());
            String reads = kind == Kind.READING && t.read() != null && runsTest(t.stack()) ? t.read() : null;
            out.put(t.id(), new Entry(t.id(), t.name(), t.state(), kind, spot(t.state(), t.lock(), t.stack()),
                    loopSpot(t.state(), t.lock(), t.stack()), null, reads));
            if (kind == Kind.SPINNING && startsThread(t.stack())) {
                starting.add(t.id());
            }
        }
        return new ThreadSnapshot(out, starting);
    }

    /**
     * The threads of this snapshot that the one before it saw too. A thread seen in one look only
     * was born and gone between two looks: whatever it did, it is no longer there to be stuck or
     * to move, and a loop that keeps starting such threads must not look like progress for that.
     */
    ThreadSnapshot alsoIn(ThreadSnapshot before) {
        Map<Long, Entry> kept = new LinkedHashMap<>(threads);
        kept.keySet().retainAll(before.threads.keySet());
        Set<Long> startingKept = new HashSet<>(starting);
        startingKept.retainAll(kept.keySet());
        return new ThreadSnapshot(kept, startingKept);
    }

    private static boolean startsThread(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            if (f.getClassName().equals("java.lang.Thread") && f.getMethodName().startsWith("start")) {
                return true;
            }
        }
        return false;
    }

    static Kind kind(Thread.State state, StackTraceElement[] stack) {
        return switch (state) {
            case NEW -> Kind.MOVING;
            case TIMED_WAITING -> idleWorker(stack) ? Kind.WAITING : inGate(stack) ? Kind.GATE : Kind.MOVING;
            case WAITING, BLOCKED -> Kind.WAITING;
            case TERMINATED -> Kind.WAITING;
            case RUNNABLE -> {
                StackTraceElement top = firstNotSpinCall(stack);
                if (top != null && top.getClassName().equals("java.lang.ref.Reference")
                        && top.getMethodName().equals("waitForReferencePendingList")) {
                    yield Kind.WAITING;   // the reference handler waits for the collector, which runs for others
                }
                if (top != null && top.isNativeMethod() && socketWait(top, stack)) {
                    yield Kind.READING;
                }
                if (top != null && top.isNativeMethod() && !COMPUTE_CALLS.contains(top.getClassName() + "." + top.getMethodName())) {
                    yield Kind.MOVING;   // I/O or another native call: the JVM cannot tell whether it will return
                }
                if (top != null && top.getClassName().startsWith("jdk.internal.vm.Continuation")) {
                    yield Kind.MOVING;   // a carrier running a virtual thread: its stack is not the work's
                }
                yield Kind.SPINNING;
            }
        };
    }

    private static boolean socketWait(StackTraceElement top, StackTraceElement[] stack) {
        if (!SOCKET_CALLS.contains(top.getClassName() + "." + top.getMethodName())) {
            return false;
        }
        for (StackTraceElement f : stack) {
            if (SOCKET_CLASSES.contains(f.getClassName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A thread whose failure ends the test: the one that runs the test method (JUnit's frames
     * below it), or a worker of the test kit's {@code StartGate}, whose first failure the gate
     * rethrows. A failure in another thread of the test may be caught, or lost with the thread.
     */
    private static boolean runsTest(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            if (f.getClassName().startsWith("org.junit.") || f.getClassName().equals(START_GATE)) {
                return true;
            }
        }
        return false;
    }

    private static final String START_GATE = "wirelab.testkit.StartGate";

    /** The test's thread in {@code StartGate.run}, waiting for its workers until the gate's bound. */
    static boolean inGate(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            if (!jdk(f.getClassName())) {
                return f.getClassName().equals(START_GATE) && f.getMethodName().equals("run");
            }
        }
        return false;
    }

    /**
     * A thread in a test's bounded wait whose condition was false at its last look: whether it
     * sleeps between looks or evaluates the condition, it only looks (a condition reads state),
     * so it can make nothing true by itself. A wait whose condition holds is not one: it passes
     * time on purpose ({@code during}) or ends.
     */
    static boolean poller(Seen t) {
        return t.unmet() != null && pollLoop(t.stack()) >= 0;
    }

    /** The index of Awaitility's poll loop in the stack, or -1. */
    private static int pollLoop(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            if (stack[i].getClassName().equals(POLL_LOOP_CLASS) && stack[i].getMethodName().equals(POLL_LOOP_METHOD)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A poller's place: what it waits for and its frames from the poll loop out, the loop's own
     * without its line, so that a look at its sleep and one inside the condition compare equal.
     */
    private static String pollSpot(Seen t) {
        StringBuilder sb = new StringBuilder("POLLING for ").append(t.unmet());
        StackTraceElement[] stack = t.stack();
        int loop = pollLoop(stack);
        for (int i = loop; i < stack.length; i++) {
            StackTraceElement f = stack[i];
            sb.append('\n').append(f.getClassName()).append('.').append(f.getMethodName());
            if (i > loop) {
                sb.append(':').append(f.getLineNumber());
            }
        }
        return sb.toString();
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
            if (!spinCall(f)) {
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
    static String spot(Thread.State state, String lock, StackTraceElement[] stack) {
        int top = 0;
        if (state == Thread.State.RUNNABLE) {
            while (top < stack.length - 1 && spinCall(stack[top])) {
                top++;
            }
        }
        return place(state, lock, stack, top);
    }

    /**
     * Where a running thread is as a loop that keeps starting threads: from its innermost frame
     * of code that is neither the JDK's nor a constructor, without that frame's line. Such a loop
     * is in one of its thread's calls at each look (start(), the new thread's constructor, a
     * list's add()); they all return to it, and only this place stays. Compared only for a thread
     * seen starting threads: for any other, a stack that moves in the JDK's code is progress.
     */
    static String loopSpot(Thread.State state, String lock, StackTraceElement[] stack) {
        if (state != Thread.State.RUNNABLE) {
            return spot(state, lock, stack);
        }
        for (int i = 0; i < stack.length; i++) {
            String c = stack[i].getClassName();
            if (!jdk(c) && !stack[i].getMethodName().equals("<init>")) {
                return place(state, lock, stack, i);
            }
        }
        return spot(state, lock, stack);
    }

    /** State, lock and the frames from {@code top} on, the first without its line when running. */
    private static String place(Thread.State state, String lock, StackTraceElement[] stack, int top) {
        StringBuilder sb = new StringBuilder(state.name());
        if (lock != null) {
            sb.append(" on ").append(lock);
        }
        for (int i = top; i < stack.length; i++) {
            StackTraceElement f = stack[i];
            sb.append('\n').append(f.getClassName()).append('.').append(f.getMethodName());
            if (i > top || state != Thread.State.RUNNABLE) {
                sb.append(':').append(f.getLineNumber());
            }
        }
        return sb.toString();
    }

    private static boolean spinCall(StackTraceElement f) {
        return SPIN_CALLS.contains(f.getClassName() + "." + f.getMethodName());
    }

    private static boolean jdk(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.");
    }

    /**
     * Whether a thread moves: one {@link Kind#MOVING}; one {@link Kind#READING} that is not among
     * {@code asleep} (those the kernel showed can never wake, or only at a timeout that fails the
     * test); a {@link Kind#GATE} unless a worker's read of the test is among them.
     */
    boolean anyMoving(Set<Long> asleep) {
        boolean failingRead = threads.values().stream().anyMatch(e -> e.reads() != null && asleep.contains(e.id()));
        return threads.values().stream().anyMatch(e -> e.kind() == Kind.MOVING
                || e.kind() == Kind.READING && !asleep.contains(e.id())
                || e.kind() == Kind.GATE && !failingRead);
    }

    List<Entry> reading() {
        return threads.values().stream().filter(e -> e.kind() == Kind.READING).toList();
    }

    List<Entry> spinning() {
        return threads.values().stream().filter(e -> e.kind() == Kind.SPINNING).toList();
    }
}
