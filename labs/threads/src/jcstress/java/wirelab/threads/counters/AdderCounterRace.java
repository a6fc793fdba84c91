package wirelab.threads.counters;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.J_Result;
import wirelab.testkit.Points;

/**
 * Graded: {@link AdderCounter} must never lose an update. The lost-update demo
 * ({@link RaceCondition_01_LostUpdate}) with the outcome "1" forbidden.
 *
 * <p>How to run: {@code ./mvnw verify}; results in {@code target/jcstress/results/}.
 */
@JCStressTest
@Points(value = 3, group = "counters")
@Outcome(id = "2", expect = ACCEPTABLE, desc = "Both increments counted.")
@Outcome(id = "1", expect = FORBIDDEN,
        desc = "Both actors read 0 and wrote 1: one update was lost. AdderCounter.increment() is not atomic.")
@Outcome(expect = FORBIDDEN, desc = "Two increments must give 2; anything else is a bug.")
@State
public class AdderCounterRace {

    final Counter counter = new AdderCounter();

    @Actor
    public void actor1() {
        counter.increment();
    }

    @Actor
    public void actor2() {
        counter.increment();
    }

    @Arbiter
    public void arbiter(J_Result r) {
        r.r1 = counter.get();
    }
}
