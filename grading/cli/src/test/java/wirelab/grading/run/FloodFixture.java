package wirelab.grading.run;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Points;

/** Not a test of ours: test1 leaves a thread that floods the output while test2, innocent, runs. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class FloodFixture {

    @Test
    @Points(1)
    void test1_leavesAFlooderBehind() {
        Thread flooder = new Thread(() -> {
            while (true) {
                System.out.println("flood flood flood flood flood flood flood flood flood flood flood flood");
            }
        });
        flooder.setDaemon(true);
        flooder.start();
    }

    @Test
    @Points(2)
    void test2_innocent() throws InterruptedException {
        Thread.sleep(3000);   // long enough for the flood to reach the cap while this test runs
    }
}
