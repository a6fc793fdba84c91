package wirelab.testkit;

import java.time.Duration;

/**
 * Time-boxed stress rounds: the fast race tests students run in seconds.
 *
 * <p>One round is rarely enough: once the JIT has compiled the loop, a round can be so short
 * that the threads barely overlap, and a racy class passes. So whole rounds are repeated until
 * one fails or the time box is used up, and the loops read a volatile field in every iteration
 * so the compiler cannot fold the calls of one thread together.
 *
 * <p>On a busy machine (more runnable threads than cores) even 100 000 calls per thread fit in
 * one scheduler time slice: the threads then run one after another and never race, and most
 * racy counters pass a round counted in calls. So {@link #hammerFor} runs each thread for a
 * fixed TIME instead, long enough to span many time slices, and reports how many calls each
 * thread made.
 *
 * <p>Know the limit: once JIT-compiled, {@code count++} can be ONE x86 instruction
 * ({@code add [mem], 1}), which a time slice never splits. Then a lost update needs two threads
 * running at the same moment on two cores, which a busy machine gives only now and then. A stress
 * test finds races often, never surely: model checking (Lincheck) and jcstress back it up.
 *
 * <pre>{@code
 * Stress.repeatFor(Duration.ofMillis(1000), round -> {
 *     Counter c = new SynchronizedCounter();
 *     long calls = Stress.hammerFor(4, Duration.ofMillis(200), c::increment);
 *     assertEquals(calls, c.get(), "round " + round + ": updates were lost");
 * });
 * }</pre>
 */
public final class Stress {

    /** One round of a stress test; throws (an AssertionError) when it catches the bug. */
    @FunctionalInterface
    public interface Round {
        void run(int round) throws Exception;
    }

    private static volatile int fence;

    /**
     * The share of each time box that {@link #repeatFor} and {@link #hammerFor} use: 1 when grading; the student's
     * {@code ./mvnw test} sets {@code wirelab.stress.scale} lower (the pom's student-loop profile),
     * so a public run takes seconds while grading keeps the whole box. At least one round always runs.
     */
    static final double SCALE = scale(System.getProperty("wirelab.stress.scale"));

    /** A time box as this run uses it: whole when grading, shorter in the student's loop. */
    public static Duration scaled(Duration timeBox) {
        return SCALE == 1 ? timeBox : Duration.ofNanos((long) (timeBox.toNanos() * SCALE));
    }

    /** A number of rounds (e.g. Lincheck's random scenarios) as this run uses it: at least 1. */
    public static int scaled(int rounds) {
        return Math.max(1, (int) Math.round(rounds * SCALE));
    }

    static double scale(String property) {
        try {
            double s = property == null ? 1 : Double.parseDouble(property.trim());
            return s > 0 && s <= 1 ? s : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private Stress() {
    }

    /**
     * Runs {@code round} again and again (at least once) until it throws or {@code timeBox} is
     * used up (scaled by {@code wirelab.stress.scale}). Returns how many rounds ran, all passing.
     */
    public static int repeatFor(Duration timeBox, Round round) {
        long end = System.nanoTime() + scaled(timeBox).toNanos();
        int rounds = 0;
        do {
            try {
                round.run(rounds + 1);
            } catch (Error | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError("round " + (rounds + 1) + " threw " + e, e);
            }
            rounds++;
        } while (System.nanoTime() < end);
        return rounds;
    }

    /** One thread's loop in {@link #hammerFor}: call number {@code call} (0, 1, 2, …) of {@code worker}. */
    @FunctionalInterface
    public interface Call {
        void run(int worker, int call) throws Exception;
    }

    /**
     * Calls {@code operation} again and again on each of {@code threads} threads, all released
     * together by a {@link StartGate}, for {@code duration} (scaled like the time boxes), with a
     * volatile read between calls. Returns the total number of calls made.
     */
    public static long hammerFor(int threads, Duration duration, Runnable operation) {
        long[] calls = hammerFor(threads, duration, Integer.MAX_VALUE, (worker, call) -> operation.run());
        long total = 0;
        for (long c : calls) {
            total += c;
        }
        return total;
    }

    /**
     * Like {@link #hammerFor(int, Duration, Runnable)}, but the call sees its worker and call
     * number, and each thread stops after {@code maxCalls}. Returns the calls made per worker.
     */
    public static long[] hammerFor(int threads, Duration duration, int maxCalls, Call call) {
        long[] made = new long[threads];
        StartGate.run(threads, worker -> {
            long deadline = System.nanoTime() + scaled(duration).toNanos();
            int seen = 0;
            int i = 0;
            while (i < maxCalls) {
                call.run(worker, i);
                i++;
                seen += fence;   // volatile read: keeps the calls of one thread apart
                if ((i & 63) == 0 && System.nanoTime() - deadline > 0) {
                    break;
                }
            }
            made[worker] = i + (seen < 0 ? 1 : 0);
        });
        return made;
    }

    /**
     * Calls {@code operation} {@code calls} times on each of {@code threads} threads, all released
     * together by a {@link StartGate}, with a volatile read between calls. Waits at most 30 s.
     */
    public static void hammer(int threads, int calls, Runnable operation) {
        StartGate.run(threads, worker -> {
            int seen = 0;
            for (int i = 0; i < calls; i++) {
                operation.run();
                seen += fence;   // volatile read: keeps the calls of one thread apart
            }
            if (seen < 0) {
                throw new IllegalStateException("unreachable");
            }
        });
    }
}
