package wirelab.threads.visibility;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import wirelab.testkit.Points;

/**
 * Hidden: the stop flag is volatile by the memory model, not by luck. A worker whose flag is a
 * plain field may still stop in every run (another volatile access in its loop, or an
 * interpreter that rereads the field), and no run can prove the missing guarantee. So this test
 * reads the class: the field stop() changes must be volatile (an AtomicBoolean, whose field
 * stop() does not change, passes too; so does a synchronized stop()).
 */
class StoppableWorkerHiddenTest {

    @Test
    @Points(value = 2, group = "visibility")
    @DisplayName("the field stop() writes is volatile, so the worker's thread is guaranteed to see it")
    void test01_flagIsVolatile() throws Exception {
        StoppableWorker worker = new StoppableWorker();
        List<Field> fields = new ArrayList<>();
        List<Object> before = new ArrayList<>();
        for (Field f : StoppableWorker.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                fields.add(f);
                before.add(f.get(worker));
            }
        }
        worker.stop();
        if (Modifier.isSynchronized(StoppableWorker.class.getMethod("stop").getModifiers())) {
            return;
        }
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (!Objects.equals(before.get(i), f.get(worker)) && !Modifier.isVolatile(f.getModifiers())) {
                throw new AssertionError("stop() changes the field '" + f.getName() + "' (" + before.get(i) + " -> "
                        + f.get(worker) + "), which run() reads on another thread, but '" + f.getName() + "' is not"
                        + " volatile. The worker may stop in your runs anyway, but nothing guarantees it: the JIT"
                        + " may keep the field in a register and spin forever. Declare it volatile.");
            }
        }
    }
}
