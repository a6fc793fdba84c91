package wirelab.leftovers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import wirelab.testkit.Points;

/** Not a test of ours: the next class's failure, which is its own (LeftoversTest runs it). */
public class A2FailsOnItsOwnFixture {

    @Test
    @Points(1)
    void failsOnItsOwn() {
        assertEquals(200, 404, "GET /hello should answer 200");
    }
}
