package wirelab.threads.lazy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import wirelab.testkit.Points;
import wirelab.testkit.StartGate;
import wirelab.testkit.Stress;

/** Hidden: no id is made and thrown away, even under contention. */
class IdRegistryHiddenTest {

    @Test
    @Points(value = 3, group = "check-then-act")
    @DisplayName("IdRegistry makes exactly one id per name when 4 threads race for the same names")
    void test01_noWastedIds() {
        int names = 2_000;
        Stress.repeatFor(Duration.ofMillis(800), round -> {
            IdRegistry registry = new IdRegistry();
            StartGate.run(4, worker -> {
                for (int n = 0; n < names; n++) {
                    registry.idFor("user" + n);
                }
            });
            assertEquals(names, registry.idsMade(), "4 threads asked for the ids of " + names + " names, so "
                    + names + " ids should be made (round " + round + "); extra ids come from threads that"
                    + " checked, found nothing, and made one at the same time.");
        });
    }
}
