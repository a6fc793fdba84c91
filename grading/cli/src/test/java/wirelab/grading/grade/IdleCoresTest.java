package wirelab.grading.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IdleCoresTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicReference<IdleCores.Ticks> ticks = new AtomicReference<>(new IdleCores.Ticks(0, 0));
    private final int cores = Runtime.getRuntime().availableProcessors();

    /** The counters after another look: {@code total} ticks over all cores, {@code idle} of them idle. */
    private void look(long total, long idle) {
        IdleCores.Ticks t = ticks.get();
        ticks.set(new IdleCores.Ticks(t.total() + total, t.idle() + idle));
        now.addAndGet(IdleCores.LOOK_NANOS);
    }

    @Test
    @DisplayName("A turn is lent after a look that saw a third of a core idle, one per look, and no more than the cap")
    void lendsWhileIdle() {
        IdleCores idle = new IdleCores(ticks::get, now::get, 2);
        assertFalse(idle.tryLend(), "no look yet: nothing is known");
        look(100L * cores, 100L * cores);   // every core idle
        assertTrue(idle.tryLend());
        assertFalse(idle.tryLend(), "the JVM just lent must show in the next look first");
        look(100L * cores, 100L * cores);
        assertTrue(idle.tryLend());
        look(100L * cores, 100L * cores);
        assertFalse(idle.tryLend(), "two are out: the cap");
        idle.giveBack();
        look(100L * cores, 100L * cores);
        assertTrue(idle.tryLend());
        assertEquals(2, idle.lent());
    }

    @Test
    @DisplayName("No turn while the cores are busy (less than 0.3 of a core idle), nor where the counters cannot be read")
    void notWhileBusy() {
        IdleCores idle = new IdleCores(ticks::get, now::get, 4);
        look(100L * cores, 20);   // 0.2 of a core idle
        assertFalse(idle.tryLend());
        look(100L * cores, 40);   // 0.4 of a core
        assertTrue(idle.tryLend());

        IdleCores unknown = new IdleCores(() -> null, now::get, 4);
        now.addAndGet(IdleCores.LOOK_NANOS);
        assertFalse(unknown.tryLend());
    }
}
