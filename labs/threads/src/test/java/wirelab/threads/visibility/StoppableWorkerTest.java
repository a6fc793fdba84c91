package wirelab.threads.visibility;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import wirelab.testkit.Points;

/**
 * Exercise 4: the worker must stop when another thread calls stop(). Runs after the stress tests
 * (see src/test/resources/junit-platform.properties): a worker that never stops keeps a core
 * busy. But before the Lincheck tests: once Lincheck's agent has rewritten classes, the missing
 * volatile was seen to go unnoticed. Exhaustive version: jcstress {@code StopFlagTermination}.
 */
@Order(Integer.MAX_VALUE - 1)
class StoppableWorkerTest {

    @Test
    @Points(value = 2, group = "visibility")
    @DisplayName("StoppableWorker's flag is volatile, and it stops when another thread calls stop() while it spins")
    void test01_stopsWhenAsked() {
        String unsafe = Spinners.unsafeFlag();
        assertNull(unsafe, unsafe);
        String problem = Spinners.runAndStopAll("spinner");
        assertNull(problem, problem);
    }
}
