package wirelab.threads.lazy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import wirelab.testkit.Points;
import wirelab.testkit.Stress;

/**
 * Exercise 3, the fast race test: 4 threads released together ask for the ids of the same
 * 2 000 names, "user0" to "user1999", in rounds repeated for about 0.6 s; every thread must
 * get the same id for the same name. Short rounds on purpose: the threads race hardest right after
 * the start gate opens, all at "user0" at once.
 */
class IdRegistryTest {

    static final int THREADS = 4;
    static final int NAMES = 2_000;

    @Test
    @Points(value = 3, group = "check-then-act")
    @DisplayName("IdRegistry gives every name ONE id, even when 4 threads ask for it at the same time")
    void test01_oneIdPerName() {
        IdRegistry alone = new IdRegistry();
        assertEquals(1, alone.idFor("ann"), "the first id made (the javadoc: ids are 1, 2, 3, … in order of first calls)");
        assertEquals(2, alone.idFor("bob"), "the id of the second name asked for");
        assertEquals(1, alone.idFor("ann"), "ann's id when asked again");
        assertEquals(2, alone.idsMade(), "idsMade() after ids for ann and bob");
        GatedIds.Outcome held = GatedIds.race();
        if (held != null) {
            assertEquals(held.first(), held.second(), "one thread called idFor(\"ann\") and the test held it right after"
                    + " it looked in the map and found no id; then a second thread called idFor(\"ann\") and got "
                    + held.second() + ". When the first went on it made its own id, " + held.first() + ": ann now"
                    + " has two ids. Make check and act one atomic step (computeIfAbsent, or one lock around both).");
        }
        Stress.repeatFor(Duration.ofMillis(600), round -> {
            IdRegistry registry = new IdRegistry();
            int[][] seen = new int[THREADS][NAMES];
            Stress.hammerFor(THREADS, Duration.ofSeconds(10), NAMES,
                    (worker, n) -> seen[worker][n] = registry.idFor("user" + n));
            for (int n = 0; n < NAMES; n++) {
                for (int w = 1; w < THREADS; w++) {
                    int name = n;
                    int other = w;
                    assertEquals(seen[0][n], seen[w][n], () -> String.format("\"user%d\" got id %d in one thread"
                            + " and id %d in another (round %d): both threads checked, found no id, and each made"
                            + " its own. Make check and act one atomic step.",
                            name, seen[0][name], seen[other][name], round));
                }
            }
        });
    }
}
