package wirelab.rmi;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJ_Result;
import wirelab.testkit.Points;

/**
 * Two RMI threads bind the same key at the same moment. Each bind reads the key's version
 * and stores the next one: a read-modify-write that must happen as one step.
 *
 * <p>How to run this test: {@code ./mvnw verify} (the lab's race tests run in one jcstress
 * invocation after the unit tests).
 */
@JCStressTest
@State
@Points(3)
@Outcome(id = {"1, 2", "2, 1"}, expect = ACCEPTABLE, desc = "One bind went first, the other saw its version and counted on: no update lost.")
@Outcome(id = "1, 1", expect = FORBIDDEN, desc = "Both binds read 'no version yet' and both stored version 1: one update was lost (bind's read-modify-write is not atomic).")
@Outcome(expect = FORBIDDEN, desc = "A version that cannot happen: bind returned something else or threw.")
public class InfoStore_01_ConcurrentBinds {

    private final InfoStore store = new InfoStore();

    @Actor
    public void client1(JJ_Result r) {
        r.r1 = store.bind("weather/paris", new Info("sunny")).version();
    }

    @Actor
    public void client2(JJ_Result r) {
        r.r2 = store.bind("weather/paris", new Info("rain")).version();
    }
}
