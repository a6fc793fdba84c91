package wirelab.leftovers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import wirelab.testkit.Points;

/** Not a test of ours: a later test class whose failure is unrelated to its own code (LeftoversTest runs it). */
class FailsLaterFixture {

    @Test
    @Points(1)
    void failsForAnotherReason() throws InterruptedException {
        LeavesThingsFixture.polite.join(Duration.ofSeconds(20).toMillis());   // interrupted when its class ended
        assertEquals(1, 2, "port 1099 already in use");
    }
}
