package wirelab.threads.lazy;

import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import wirelab.testkit.Points;
import wirelab.threads.RaceTable;

/**
 * Exercise 3, model checking: Lincheck interleaves idFor("ann") and idFor("bob") calls of 2
 * threads. If ann can get two different ids, it shows the interleaving where both threads
 * checked before either acted.
 *
 * <p>Runs last: Lincheck rewrites the classes it checks, and the rewritten code races less
 * often, which would weaken the stress and visibility tests.
 */
@Order(Integer.MAX_VALUE)
class IdRegistryLincheckTest {

    /** The operations Lincheck calls on a fresh IdRegistry. */
    public static class IdRegistryOps {
        private final IdRegistry registry = new IdRegistry();

        @Operation
        public int idForAnn() {
            return registry.idFor("ann");
        }

        @Operation
        public int idForBob() {
            return registry.idFor("bob");
        }
    }

    @Test
    @Points(value = 4, group = "check-then-act")
    @DisplayName("Lincheck finds no interleaving in which one name gets two ids")
    void test01_checkThenAct() {
        RaceTable.check(IdRegistryOps.class, "IdRegistry gave one name two ids", "idForAnn", "idForAnn", "idForBob");
    }
}
