package wirelab.grading.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Points;

/** Not a test of ours: a test that leaves a thread behind and then breaks the run, as a thread bomb does. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class RunnerFailureFixture {

    @Test
    @Points(1)
    void test1_leavesAThreadAndRunsOutOfThreads() {
        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // keeps the JVM alive if nothing halts it
            }
        }, "left-behind");
        sleeper.start();   // not a daemon: only a halt ends this JVM
        // what Thread.start() throws once the process limit is reached; JUnit lets it end the run
        throw new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource limits reached");
    }

    @Test
    @Points(2)
    void test2_passes() {
        assertEquals(2, 1 + 1);
    }
}
