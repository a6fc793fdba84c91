package wirelab.threads.counters;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.J_Result;

/**
 * DEMO (not graded): the lecture's race condition, measured. Two threads each call
 * {@code increment()} once on the same {@link UnsafeCounter}; afterwards we read the count.
 * jcstress runs this millions of times and counts how often each result happened.
 *
 * <p>How to run: {@code ./mvnw verify} (all race tests of the lab, about half a minute), then open
 * {@code target/jcstress/results/index.html}. The handout explains the counts.
 */
@JCStressTest
@Outcome(id = "2", expect = ACCEPTABLE, desc = "One increment ran after the other: the table's left column.")
@Outcome(id = "1", expect = ACCEPTABLE_INTERESTING,
        desc = "Both actors fetched 0 and stored 1: one update was lost (the table's right column).")
@State
public class RaceCondition_01_LostUpdate {

    final UnsafeCounter counter = new UnsafeCounter();

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
