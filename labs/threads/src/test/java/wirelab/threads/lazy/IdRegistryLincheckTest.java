package wirelab.threads.lazy;

import java.util.List;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import wirelab.testkit.Points;
import wirelab.threads.RaceTable;

/**
 * Exercise 3, model checking: Lincheck interleaves idFor("ann") and idFor("bob") calls of 2
 * threads. If ann can get two different ids, it shows the interleaving where both threads
 * checked before either acted; if ann and bob can get the same id, the one where both made
 * their id from the same count (the registry's map lets Lincheck step through the function that
 * makes an id: see SteppedIds).
 *
 * <p>Runs last: Lincheck rewrites the classes it checks, and the rewritten code races less
 * often, which would weaken the stress and visibility tests.
 */
@Order(Integer.MAX_VALUE)
class IdRegistryLincheckTest {

    /** The operations Lincheck calls on a fresh IdRegistry. */
    public static class IdRegistryOps {
        private final IdRegistry registry = SteppedIds.into(new IdRegistry());

        @Operation
        public int idForAnn() {
            return registry.idFor("ann");
        }

        @Operation
        public int idForBob() {
            return registry.idFor("bob");
        }

        @Operation
        public int idsMade() {
            return registry.idsMade();
        }
    }

    @Test
    @Points(value = 4, group = "check-then-act")
    @DisplayName("Lincheck finds no interleaving in which one name gets two ids, or two names one id")
    void test01_checkThenAct() {
        RaceTable.check(IdRegistryOps.class, "IdRegistry gave one name two ids, or two names one id",
                List.of(RaceTable.Scenario.of("idForAnn", "idForAnn", "idForBob"),
                        RaceTable.Scenario.of("idForAnn", "idForBob", "idsMade")));
    }
}
