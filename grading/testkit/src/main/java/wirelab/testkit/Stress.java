package wirelab.testkit;

import java.time.Duration;

/**
 * Time-boxed stress rounds: the fast race tests students run in seconds.
 *
 * <p>One round is rarely enough: once the JIT has compiled the loop, a round can be so short
 * that the threads barely overlap, and a racy class passes. So whole rounds are repeated until
 * one fails or the time box is used up, and {@link #hammer} reads a volatile field in every
 * iteration so the compiler cannot fold the calls of one thread together.
 *
 * <pre>{@code
 * Stress.repeatFor(Duration.ofMillis(1500), round -> {
 *     Counter c = new SynchronizedCounter();
 *     Stress.hammer(4, 100_000, c::increment);
 *     assertEquals(400_000, c.get(), "round " + round + ": updates were lost");
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

    private Stress() {
    }

    /**
     * Runs {@code round} again and again (at least once) until it throws or {@code timeBox} is
     * used up. Returns how many rounds ran, all of them passing.
     */
    public static int repeatFor(Duration timeBox, Round round) {
        long end = System.nanoTime() + timeBox.toNanos();
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
