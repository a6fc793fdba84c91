package wirelab.leftovers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Points;

/** Not a test of ours: a passing test with a time limit, which starts JUnit's own watcher thread (LeftoversTest runs it). */
public class A1UsesTimeoutFixture {

    @Test
    @Points(1)
    @Timeout(10)
    void passesInTime() {
    }
}
