package wirelab.testkit;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Bounded waits with the course's defaults: poll every 10 ms, give up after 10 s.
 * Use these instead of {@code Thread.sleep}: a wait that ends as soon as the condition holds is
 * fast on a fast machine and still correct on a slow one.
 *
 * <pre>{@code
 * Waits.await("the server to accept a connection").until(() -> server.connections() == 1);
 * }</pre>
 */
public final class Waits {

    /** The longest any single wait in a test may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration POLL_INTERVAL = Duration.ofMillis(10);

    private Waits() {
    }

    /** A wait with the default bound; {@code what} appears in the failure message. */
    public static ConditionFactory await(String what) {
        return await(what, DEFAULT_TIMEOUT);
    }

    /** A wait with its own bound; {@code what} appears in the failure message. */
    public static ConditionFactory await(String what, Duration atMost) {
        return Awaitility.await(what)
                .atMost(atMost)
                .pollDelay(Duration.ZERO)
                .pollInterval(POLL_INTERVAL)
                .pollInSameThread();
    }
}
