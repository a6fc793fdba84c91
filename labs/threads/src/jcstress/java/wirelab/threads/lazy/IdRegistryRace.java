package wirelab.threads.lazy;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import wirelab.testkit.Points;

/**
 * Graded: two threads ask for ann's id at the same time; both must get the same id, and only
 * one id may be made. Results: (actor1's id, actor2's id, ids made).
 *
 * <p>How to run: {@code ./mvnw verify}; results in {@code target/jcstress/results/}.
 */
@JCStressTest
@Points(value = 3, group = "check-then-act")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "Both actors got ann's one id.")
@Outcome(id = {"1, 2, 2", "2, 1, 2"}, expect = FORBIDDEN,
        desc = "Both actors checked, found no id for ann, and each made one: check-then-act is not atomic.")
@Outcome(id = "1, 1, 2", expect = FORBIDDEN,
        desc = "Both actors got the same id, but two ids were made: one was made and thrown away.")
@Outcome(expect = FORBIDDEN, desc = "ann must get exactly one id, and both actors must see it.")
@State
public class IdRegistryRace {

    final IdRegistry registry = new IdRegistry();

    @Actor
    public void actor1(III_Result r) {
        r.r1 = registry.idFor("ann");
    }

    @Actor
    public void actor2(III_Result r) {
        r.r2 = registry.idFor("ann");
    }

    @Arbiter
    public void arbiter(III_Result r) {
        r.r3 = registry.idsMade();
    }
}
