package wirelab.leftovers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Cleanup;
import wirelab.testkit.Points;

/** Not a test of ours: a "lab" test class that leaves things behind (LeftoversTest runs it; the name keeps Surefire away). */
@TestMethodOrder(MethodOrderer.MethodName.class)
public class LeavesThingsFixture {

    public static volatile boolean closed;
    public static final CountDownLatch release = new CountDownLatch(1);
    public static Thread stubborn;
    public static Thread polite;

    @Test
    @Points(1)
    void test1_registersAndStartsThreads() {
        StringBuilder registry = Cleanup.register("a fake registry", new StringBuilder("exported"), r -> closed = true);
        assertTrue(registry.length() > 0, "register hands the resource back");
        Cleanup.register("a registry that will not close", () -> {
            throw new IllegalStateException("still exported");
        });
        stubborn = new Thread(LeavesThingsFixture::ignoreInterrupts, "stubborn-server");
        polite = new Thread(LeavesThingsFixture::untilInterrupted, "polite-server");
        stubborn.start();
        polite.start();
    }

    @Test
    @Points(1)
    void test2_whatTest1RegisteredIsClosed() {
        assertTrue(closed, "closed after the test that registered it");
    }

    private static void ignoreInterrupts() {
        while (true) {
            try {
                release.await();
                return;
            } catch (InterruptedException e) {
                // a student's loop that swallows the interrupt
            }
        }
    }

    private static void untilInterrupted() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            // ends, as a server loop should
        }
    }
}
