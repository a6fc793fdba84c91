package wirelab.threads.visibility;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import wirelab.testkit.Points;

/**
 * Hidden: the stop flag is volatile by the memory model, not by luck. A worker whose flag is a
 * plain field may still stop in every run (another volatile access in its loop, or an
 * interpreter that rereads the field), and no run can prove the missing guarantee. So this test
 * reads the class: the field stop() changes must be volatile (an AtomicBoolean, whose field
 * stop() does not change, passes too; so does a synchronized stop()). And a stop() that comes
 * before the worker's thread has even started counts too: run() must not undo it.
 */
class StoppableWorkerHiddenTest {

    @Test
    @Points(value = 1, group = "visibility")
    @DisplayName("the field stop() writes is volatile, so the worker's thread is guaranteed to see it; a stop() before"
            + " run() starts is kept")
    void test01_flagIsVolatile() throws Exception {
        String problem = Spinners.unsafeFlag();
        if (problem != null) {
            throw new AssertionError(problem);
        }
        String lost = Spinners.stoppedBeforeRun();
        if (lost != null) {
            throw new AssertionError(lost);
        }
    }
}
