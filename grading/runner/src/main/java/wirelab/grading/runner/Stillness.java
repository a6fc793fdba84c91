package wirelab.grading.runner;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one test's looks ({@link ThreadSnapshot}s, one every so often) and says when they show it
 * stuck: for a quiet period, no thread could move on by itself and nothing changed. Either every
 * thread waits for another (a lost wake-up, a deadlock, a put() that can never go on), or some
 * spin at the very same place, having burnt at least half the quiet period in CPU (an endless
 * loop; a busy machine only makes that take longer), while all the others wait. A thread that
 * polls a test's condition not yet true counts as waiting ({@link ThreadSnapshot#poller}): it
 * only looks, so when all the others wait, none is left to make the condition true.
 *
 * <p>A loop that keeps starting threads which end at once is stuck the same way: threads seen in
 * one look only are left out (see {@link ThreadSnapshot#alsoIn}), and a thread seen starting
 * threads is compared by its {@link ThreadSnapshot.Entry#loopSpot}. Threads started meanwhile
 * count as a change unless such a thread is there to have started them: a chain of threads each
 * starting the next, or a pool of them coming and going, is progress.
 *
 * <p>A thread blocked on a socket counts as waiting only when the kernel showed, at that look,
 * that nothing can wake it ({@link SocketWaits}). When the test's own thread is then in a read
 * of the test whose timeout fails it ({@code Reads}), the test is stuck with that verdict.
 */
final class Stillness {

    /**
     * One look at the test's threads.
     *
     * @param threads        the threads and where they are
     * @param nanos          when ({@link System#nanoTime})
     * @param startedThreads how many threads the JVM had started by then
     * @param cpuNanos       the CPU time of each spinning thread so far
     * @param asleep         the threads blocked on a socket that the kernel showed can never wake (see
     *                       {@link SocketWaits}), or whose wake-up is the timeout of a read of the test that fails it
     */
    record Look(ThreadSnapshot threads, long nanos, long startedThreads, Map<Long, Long> cpuNanos, Set<Long> asleep) {

        Look(ThreadSnapshot threads, long nanos, long startedThreads, Map<Long, Long> cpuNanos) {
            this(threads, nanos, startedThreads, cpuNanos, Set.of());
        }
    }

    /**
     * Looks that all saw the same threads at the same places, since the first of them; starters:
     * the threads seen starting threads in any of them.
     */
    private record Stretch(Map<Long, ThreadSnapshot.Entry> threads, long since, long startedThreads,
            Map<Long, Long> cpuAtStart, Set<Long> starters) {
    }

    /**
     * A stuck test's verdict: the one its end would have given. A test held in its own bounded
     * wait ({@code Waits}) would fail when the bound ran out; any other would reach its time limit.
     *
     * @param status  "failed" or "timeout"
     * @param why     the message, starting with "stuck: "
     * @param readers the threads in a read of the test whose timeout fails it: ending those reads
     *                now gives the verdict in the test's own words (or none: the test is ended)
     */
    record Stuck(String status, String why, Set<Long> readers) {

        Stuck(String status, String why) {
            this(status, why, Set.of());
        }
    }

    private final long spinningQuietNanos;
    private final long waitingQuietNanos;
    private ThreadSnapshot previous;
    private Stretch still;

    /**
     * @param spinningQuietNanos how long threads must spin at one place while the rest wait
     * @param waitingQuietNanos  how long every thread must wait for another
     */
    Stillness(long spinningQuietNanos, long waitingQuietNanos) {
        this.spinningQuietNanos = spinningQuietNanos;
        this.waitingQuietNanos = waitingQuietNanos;
    }

    /** The stuck test's verdict after this look, or null while it is not stuck (yet). */
    Stuck next(Look look) {
        ThreadSnapshot before = previous;
        previous = look.threads();
        if (before == null) {
            return null;
        }
        ThreadSnapshot now = look.threads().alsoIn(before);
        if (now.threads().isEmpty() || now.anyMoving(look.asleep())) {
            still = null;
            return null;
        }
        if (still == null || !same(still, now)
                || (look.startedThreads() != still.startedThreads() && still.starters().isEmpty() && now.starting().isEmpty())) {
            still = new Stretch(now.threads(), look.nanos(), look.startedThreads(), look.cpuNanos(), new HashSet<>(now.starting()));
            return null;
        }
        still.starters().addAll(now.starting());
        return stuck(now, look);
    }

    /** The same threads as when the stretch began, each at the same place. */
    private static boolean same(Stretch still, ThreadSnapshot now) {
        if (!still.threads().keySet().equals(now.threads().keySet())) {
            return false;
        }
        for (ThreadSnapshot.Entry e : now.threads().values()) {
            ThreadSnapshot.Entry first = still.threads().get(e.id());
            boolean starter = still.starters().contains(e.id()) || now.starting().contains(e.id());
            if (first.kind() != e.kind()
                    || !(first.spot().equals(e.spot()) || starter && first.loopSpot().equals(e.loopSpot()))) {
                return false;
            }
        }
        return true;
    }

    private Stuck stuck(ThreadSnapshot now, Look look) {
        long quiet = look.nanos() - still.since();
        List<ThreadSnapshot.Entry> spinning = now.spinning();
        List<ThreadSnapshot.Entry> pollers = now.threads().values().stream().filter(e -> e.awaits() != null).toList();
        if (spinning.isEmpty()) {
            if (quiet < waitingQuietNanos) {
                return null;
            }
            if (!pollers.isEmpty()) {
                return new Stuck("failed", polledInVain(pollers, now, quiet));
            }
            List<ThreadSnapshot.Entry> readers = now.reading().stream().filter(e -> e.reads() != null).toList();
            if (!readers.isEmpty()) {
                return new Stuck("failed", readInVain(readers.get(0), now, quiet),
                        readers.stream().map(ThreadSnapshot.Entry::id).collect(Collectors.toSet()));
            }
            return timeout(String.format(Locale.ROOT, "stuck: for %.1f s every thread of this test waited for another one (%s):"
                    + " none could run, none waited with a time limit or slept, none read with a byte on its way,"
                    + " so none of them can ever go on."
                    + " The test was ended then rather than at its time limit; the threads and where they wait are below.",
                    quiet / 1e9, waiting(now)));
        }
        if (quiet < spinningQuietNanos) {
            return null;
        }
        long burnt = 0;
        for (ThreadSnapshot.Entry e : spinning) {
            Long cpu = look.cpuNanos().get(e.id());
            Long start = still.cpuAtStart().get(e.id());
            if (cpu != null && cpu > 0 && start != null && start >= 0) {
                burnt += cpu - start;
            }
        }
        if (burnt < spinningQuietNanos / 2) {
            return null;   // not yet seen running long enough at that place (a busy machine)
        }
        ThreadSnapshot.Entry first = spinning.get(0);
        return new Stuck(pollers.isEmpty() ? "timeout" : "failed", String.format(Locale.ROOT,
                "stuck: for %.1f s %s ran in %s without getting out of it (%.1f s of CPU),"
                + " while every other thread of the test waited: an endless loop? The test was ended then rather than at"
                + " %s; the threads are below.", quiet / 1e9,
                spinning.size() == 1 ? who(first) : spinning.size() + " threads (" + who(first) + ", …)",
                method(first), burnt / 1e9, pollers.isEmpty() ? "its time limit" : "the end of its wait"));
    }

    private static Stuck timeout(String why) {
        return new Stuck("timeout", why);
    }

    /**
     * Stuck while the test (or a thread of it) waits for a condition: every other thread waits
     * for another one, so none is left to make the condition true, and the wait would only run
     * out its bound.
     */
    private static String polledInVain(List<ThreadSnapshot.Entry> pollers, ThreadSnapshot now, long quiet) {
        String polling = pollers.stream().limit(2).map(e -> who(e) + " waited for " + condition(e) + " (a bounded wait of the test)")
                .collect(Collectors.joining(" and ")) + (pollers.size() > 2 ? " (and " + (pollers.size() - 2) + " more)" : "");
        boolean others = now.threads().values().stream().anyMatch(e -> e.awaits() == null && !ThreadSnapshot.jvmOwn(e.name()));
        return String.format(Locale.ROOT, "stuck: for %.1f s %s, while %s: none could run, sleep or read, so no thread is"
                + " left to make %s true. The test was ended then rather than at the end of its wait; the threads and where"
                + " they wait are below.", quiet / 1e9, polling,
                others ? "every other thread of the test waited for another one (" + waiting(now) + ")"
                        : "no other thread of the test was left",
                pollers.size() == 1 ? "it" : "them");
    }

    /**
     * Stuck while the test's thread reads with a timeout at which the test fails: every other
     * thread waits, and no byte is on its way, so none can arrive before the timeout.
     */
    private static String readInVain(ThreadSnapshot.Entry reader, ThreadSnapshot now, long quiet) {
        boolean others = now.threads().values().stream().anyMatch(e -> e != reader && !ThreadSnapshot.jvmOwn(e.name()));
        return String.format(Locale.ROOT, "stuck: for %.1f s %s waited to read %s (a read of the test, with a timeout),"
                + " while %s, no byte was on its way to any socket of the test and no other program ran: nothing can"
                + " arrive before the timeout, when the test fails. The read was ended then rather than at its timeout;"
                + " the threads and where they waited are below.", quiet / 1e9, who(reader),
                reader.reads().isBlank() ? "from a socket" : "'" + reader.reads() + "'",
                others ? "every other thread of the test waited (" + waiting(now) + ")" : "no other thread of the test was left");
    }

    private static String condition(ThreadSnapshot.Entry poller) {
        return poller.awaits().isBlank() ? "a condition" : "'" + poller.awaits() + "'";
    }

    /** "the test's thread waits, "worker-1" is blocked on a lock, …": the threads that do not poll. */
    private static String waiting(ThreadSnapshot look) {
        List<ThreadSnapshot.Entry> test = look.threads().values().stream()
                .filter(e -> !ThreadSnapshot.jvmOwn(e.name()) && e.awaits() == null && e.reads() == null).toList();
        return test.stream().limit(4).map(e -> who(e) + (e.kind() == ThreadSnapshot.Kind.READING
                ? " waits on a socket that nothing will write to"
                : e.kind() == ThreadSnapshot.Kind.GATE ? " waits for the workers it started" : switch (e.state()) {
            case BLOCKED -> " is blocked on a lock";
            case TIMED_WAITING -> " is an idle pool worker";
            default -> " waits";
        })).collect(Collectors.joining(", ")) + (test.size() > 4 ? ", …" : "");
    }

    private static String who(ThreadSnapshot.Entry e) {
        return e.name().startsWith("junit-timeout-thread") ? "the test's thread" : "thread \"" + e.name() + "\"";
    }

    /** The spinning thread's method, as Class.method: its innermost frame that is not the JDK's. */
    private static String method(ThreadSnapshot.Entry e) {
        String frame = e.loopSpot().lines().skip(1).findFirst().orElse("?");
        int dot = frame.lastIndexOf('.', frame.lastIndexOf('.') - 1);
        return frame.substring(dot + 1);
    }
}
