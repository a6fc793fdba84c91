package wirelab.threads.lazy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import wirelab.testkit.Points;
import wirelab.testkit.Stress;

/** Hidden: no id is made and thrown away, even under contention. */
class IdRegistryHiddenTest {

    @Test
    @Points(value = 3, group = "check-then-act")
    @DisplayName("IdRegistry makes exactly one id per name when 4 threads race for the same names")
    void test01_noWastedIds() {
        GatedIds.Outcome held = GatedIds.race();
        if (held != null) {
            assertEquals(1, held.idsMade(), "two threads asked for ann's id, the first held by the test between its"
                    + " look in the map and its act; idsMade() should be 1 (one name), it is " + held.idsMade()
                    + ": an id was made and thrown away, or ann got two.");
        }
        Stress.repeatFor(Duration.ofMillis(500), round -> {
            IdRegistry registry = new IdRegistry();
            long[] asked = Stress.hammerFor(4, Duration.ofMillis(200), 200_000,
                    (worker, n) -> registry.idFor("user" + n));
            long names = Arrays.stream(asked).max().orElse(0);   // "user0" … "user<names-1>"
            assertEquals(names, registry.idsMade(), "4 threads asked for the ids of " + names + " names, so "
                    + names + " ids should be made (round " + round + "); extra ids come from threads that"
                    + " checked, found nothing, and made one at the same time.");
        });
    }
}
