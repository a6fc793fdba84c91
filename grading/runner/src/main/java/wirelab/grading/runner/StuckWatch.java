package wirelab.grading.runner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Ends a test that can no longer finish, without waiting out its time limit. Every so often, once
 * the test has run a moment, it looks at the test's threads ({@link ThreadSnapshot}). The test is
 * stuck when, for {@code quiet} seconds, no thread could move on by itself (none runnable, none in
 * a timed wait, a sleep or I/O) and nothing changed: every thread waits for another (a lost wake-up,
 * a deadlock, a put() that can never go on), or some spin at the very same place, having burnt at
 * least half that time in CPU (an endless loop; a busy machine only makes that take longer), while
 * all the others wait.
 *
 * <p>What this cannot see it leaves to the time limit, never the other way round: a timed wait is
 * progress even when it will only time out and loop (the test's own bound ends such a test), I/O
 * is progress (a server in accept(), a call waiting for another JVM), and so is a thread whose
 * stack moved between two looks.
 */
final class StuckWatch implements Runnable {

    /** Told once, from the watch's thread, which test is stuck and why. */
    interface Verdict {
        void stuck(String uid, String why);
    }

    private static final long FIRST_LOOK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long PERIOD_MILLIS = 200;
    private static final int STACK_DEPTH = 64;

    private final long quietNanos;
    private final Verdict verdict;
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private volatile Running running;
    private volatile Thread thread;

    /** The test now running, from when, and the launcher's thread. */
    private record Running(String uid, long launcher, long since) {
    }

    /** A stretch of looks that all saw the same threads at the same places. */
    private record Still(Running test, ThreadSnapshot first, long since, Map<Long, Long> cpuAtStart) {
    }

    StuckWatch(double quietSeconds, Verdict verdict) {
        this.quietNanos = (long) (quietSeconds * 1e9);
        this.verdict = verdict;
    }

    /** Starts watching, on a daemon thread of its own. */
    void start() {
        Thread t = new Thread(this, "wirelab-stuck-watch");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        thread = t;
        t.start();
    }

    void testStarted(String uid) {
        running = new Running(uid, Thread.currentThread().getId(), System.nanoTime());
    }

    void testFinished() {
        running = null;
    }

    @Override
    public void run() {
        Still still = null;
        while (true) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Running test = running;
            long now = System.nanoTime();
            if (test == null || now - test.since() < FIRST_LOOK_NANOS) {
                still = null;
                continue;
            }
            ThreadSnapshot look = ThreadSnapshot.of(mx.dumpAllThreads(false, false, STACK_DEPTH), test.launcher(),
                    Set.of(thread.getId()));
            if (look.threads().isEmpty() || look.anyMoving()) {
                still = null;
                continue;
            }
            if (still == null || still.test() != test || !still.first().equals(look)) {
                still = new Still(test, look, now, cpu(look));
                continue;
            }
            String why = stuck(still, look, now);
            if (why != null) {
                verdict.stuck(test.uid(), why);
                still = null;
            }
        }
    }

    /** Why the test is stuck, or null while it is not (yet). */
    private String stuck(Still still, ThreadSnapshot look, long now) {
        long quiet = now - still.since();
        if (quiet < quietNanos) {
            return null;
        }
        List<ThreadSnapshot.Entry> spinning = look.spinning();
        if (spinning.isEmpty()) {
            return String.format(Locale.ROOT, "stuck: for %.1f s every thread of this test waited for another one (%s):"
                    + " none could run, none waited with a time limit, slept or read, so none of them can ever go on."
                    + " The test was ended then rather than at its time limit; the threads and where they wait are below.",
                    quiet / 1e9, waiting(look));
        }
        long burnt = 0;
        Map<Long, Long> before = still.cpuAtStart();
        for (ThreadSnapshot.Entry e : spinning) {
            long cpu = mx.getThreadCpuTime(e.id());
            Long start = before.get(e.id());
            if (cpu > 0 && start != null && start >= 0) {
                burnt += cpu - start;
            }
        }
        if (burnt < quietNanos / 2) {
            return null;   // not yet seen running long enough at that place (a busy machine)
        }
        ThreadSnapshot.Entry first = spinning.get(0);
        return String.format(Locale.ROOT, "stuck: for %.1f s %s ran in %s without getting out of it (%.1f s of CPU),"
                + " while every other thread of the test waited: an endless loop? The test was ended then rather than at"
                + " its time limit; the threads are below.", quiet / 1e9,
                spinning.size() == 1 ? who(first) : spinning.size() + " threads (" + who(first) + ", …)",
                method(first), burnt / 1e9);
    }

    /** "the test's thread waits, "worker-1" is blocked on a lock, …". */
    private static String waiting(ThreadSnapshot look) {
        List<ThreadSnapshot.Entry> test = look.threads().values().stream().filter(e -> !ThreadSnapshot.jvmOwn(e.name())).toList();
        return test.stream().limit(4).map(e -> who(e) + switch (e.state()) {
            case BLOCKED -> " is blocked on a lock";
            case TIMED_WAITING -> " is an idle pool worker";
            default -> " waits";
        }).collect(Collectors.joining(", ")) + (test.size() > 4 ? ", …" : "");
    }

    private static String who(ThreadSnapshot.Entry e) {
        return e.name().startsWith("junit-timeout-thread") ? "the test's thread" : "thread \"" + e.name() + "\"";
    }

    /** The spinning thread's method, as Class.method: its top frame. */
    private static String method(ThreadSnapshot.Entry e) {
        String frame = e.spot().lines().skip(1).findFirst().orElse("?");
        int dot = frame.lastIndexOf('.', frame.lastIndexOf('.') - 1);
        return frame.substring(dot + 1);
    }

    private Map<Long, Long> cpu(ThreadSnapshot look) {
        return look.threads().keySet().stream().collect(Collectors.toMap(id -> id, mx::getThreadCpuTime));
    }
}
