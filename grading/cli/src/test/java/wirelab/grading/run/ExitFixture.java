package wirelab.grading.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Points;

/** Not a test of ours: the tests TestJvmTest runs in a forked JVM (the name keeps Surefire away). */
@TestMethodOrder(MethodOrderer.MethodName.class)
class ExitFixture {

    @Test
    @Points(1)
    void test1_passes() {
        assertEquals(2, 1 + 1);
    }

    @Test
    @Points(2)
    void test2_exits() {
        System.out.println("bye");
        System.exit(0);
    }

    @Test
    @Points(3)
    void test3_failsAfterTheExit() {
        assertEquals(3, 1 + 1, "one plus one");
    }

    @Test
    @Points(4)
    void test4_hangs() throws InterruptedException {
        while (true) {
            // ignores interrupts: only the runner's separate-thread timeout gets past it
            Thread.onSpinWait();
        }
    }

    @Test
    void test5_ungradedPasses() {
    }
}
