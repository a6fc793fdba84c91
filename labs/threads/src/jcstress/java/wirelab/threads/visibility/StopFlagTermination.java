package wirelab.threads.visibility;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;
import wirelab.testkit.Points;

/**
 * Graded: the worker must stop after another thread calls {@code stop()}. Termination mode: the
 * actor runs the worker's loop, the signal calls stop(), and jcstress checks that the actor ends.
 *
 * <p>How to run: {@code ./mvnw verify}; results in {@code target/jcstress/results/}.
 */
@JCStressTest(Mode.Termination)
@Points(value = 3, group = "visibility")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The worker saw running = false and stopped.")
@Outcome(id = "STALE", expect = FORBIDDEN,
        desc = "The worker never saw running = false and spun on: the flag needs volatile.")
@State
public class StopFlagTermination {

    final StoppableWorker worker = new StoppableWorker();

    @Actor
    public void actor() {
        worker.run();
    }

    @Signal
    public void signal() {
        worker.stop();
    }
}
