package wirelab.threads.lazy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import wirelab.testkit.Points;
import wirelab.testkit.Stress;

/** Hidden: no id is made and thrown away, and no two names share one, even under contention. */
class IdRegistryHiddenTest {

    @Test
    @Points(value = 3, group = "check-then-act")
    @DisplayName("IdRegistry makes exactly one id per name, and no two names share one, when threads race for names")
    void test01_noWastedIds() {
        GatedIds.Outcome held = GatedIds.race();
        if (held != null) {
            assertEquals(1, held.idsMade(), "two threads asked for ann's id, the first held by the test between its"
                    + " look in the map and its act; idsMade() should be 1 (one name), it is " + held.idsMade()
                    + ": an id was made and thrown away, or ann got two.");
        }
        GatedIds.Outcome twoNames = GatedIds.namesAtOnce();
        if (twoNames != null) {
            assertEquals(Set.of(1, 2), new HashSet<>(Arrays.asList(twoNames.first(), twoNames.second())),
                    "one thread asked for ann's id and the test held it right after her id was made, before it was"
                            + " stored; meanwhile a second thread asked for bob's. ann got " + twoNames.first() + " and bob "
                            + twoNames.second() + ", but two names need two ids, 1 and 2. An id worked out from something"
                            + " that only changes once ann's id is stored (the map's size, say) comes out the same for"
                            + " both: count the ids in one atomic step (lastId.incrementAndGet()).");
            assertEquals(2, twoNames.idsMade(), "idsMade() after ids for ann and bob were made at the same time");
        }
        Stress.repeatFor(Duration.ofMillis(500), round -> {
            IdRegistry registry = new IdRegistry();
            long[] asked = Stress.hammerFor(4, Duration.ofMillis(200), 200_000,
                    (worker, n) -> registry.idFor("user" + n));
            long names = Arrays.stream(asked).max().orElse(0);   // "user0" … "user<names-1>"
            assertEquals(names, registry.idsMade(), "4 threads asked for the ids of " + names + " names, so "
                    + names + " ids should be made (round " + round + "); extra ids come from threads that"
                    + " checked, found nothing, and made one at the same time.");
            Set<Integer> ids = new HashSet<>();
            for (int n = 0; n < names; n++) {
                ids.add(registry.idFor("user" + n));
            }
            assertEquals(names, ids.size(), "4 threads asked for the ids of " + names + " names, which got only "
                    + ids.size() + " different ids (round " + round + "): some names share an id.");
        });
    }
}
