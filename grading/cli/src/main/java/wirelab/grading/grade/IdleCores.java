package wirelab.grading.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Whether the machine has a core to spare right now, from the kernel's CPU counters: lets a batch
 * start one more test JVM than its share when the ones running mostly wait (a test waiting out
 * its own 5 s bound for an answer that never comes uses no CPU). One JVM at a time, and only
 * after a look at least {@link #LOOK_NANOS} long saw {@link #IDLE_TO_LEND} of a core idle, so the JVM just started
 * (a second of CPU to start) shows in the next look before another is lent.
 */
public final class IdleCores {

    static final long LOOK_NANOS = 700_000_000L;

    /**
     * Idle cores a look must have seen to lend a turn: below a third of a core, the JVMs already
     * running use the machine; a lent JVM that then meets a busy core only slows, its verdicts
     * stay (a test's bounds are generous and its time boxes take the CPU they get).
     */
    static final double IDLE_TO_LEND = 0.3;

    /** Ticks of all cores, total and idle (idle and iowait), since boot. */
    record Ticks(long total, long idle) {
    }

    private final Supplier<Ticks> ticks;
    private final LongSupplier clock;
    private final int maxLent;
    private Ticks lastTicks;
    private long lookStart;
    private int lent;

    /** @param maxLent how many lent turns may be out at once */
    public static IdleCores ofMachine(int maxLent) {
        return new IdleCores(IdleCores::procStat, System::nanoTime, maxLent);
    }

    IdleCores(Supplier<Ticks> ticks, LongSupplier clock, int maxLent) {
        this.ticks = ticks;
        this.clock = clock;
        this.maxLent = maxLent;
        this.lastTicks = ticks.get();
        this.lookStart = clock.getAsLong();
    }

    /**
     * A turn, when the last look saw at least {@link #IDLE_TO_LEND} of a core idle; give it back with {@link
     * #giveBack}. False where the counters cannot be read (the machine's load is then unknown).
     */
    public synchronized boolean tryLend() {
        long now = clock.getAsLong();
        if (lastTicks == null || lent >= maxLent || now - lookStart < LOOK_NANOS) {
            return false;
        }
        Ticks t = ticks.get();
        if (t == null) {
            return false;
        }
        long total = t.total() - lastTicks.total();
        long idle = t.idle() - lastTicks.idle();
        lastTicks = t;
        lookStart = now;   // a new look starts either way: after a lend it must see the new JVM
        int cores = Runtime.getRuntime().availableProcessors();
        if (total <= 0 || (double) idle / total * cores < IDLE_TO_LEND) {
            return false;
        }
        lent++;
        return true;
    }

    public synchronized void giveBack() {
        lent = Math.max(0, lent - 1);
    }

    synchronized int lent() {
        return lent;
    }

    /**
     * The first line of /proc/stat: "cpu user nice system idle iowait irq softirq steal ...";
     * null elsewhere, and where the kernel counts more cores than this JVM may use (a container
     * with a CPU quota: the machine's idle cores are not ours).
     */
    private static Ticks procStat() {
        try {
            java.util.List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            if (lines.stream().filter(l -> l.matches("cpu\\d+ .*")).count() != Runtime.getRuntime().availableProcessors()) {
                return null;
            }
            String[] f = lines.get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            return new Ticks(total, Long.parseLong(f[4]) + Long.parseLong(f[5]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
