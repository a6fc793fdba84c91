package wirelab.testkit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionEvaluationListener;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.EvaluatedCondition;
import org.awaitility.core.IgnoredException;
import org.awaitility.core.TimeoutEvent;

/**
 * Bounded waits with the course's defaults: poll every 10 ms, give up after 10 s.
 * Use these instead of {@code Thread.sleep}: a wait that ends as soon as the condition holds is
 * fast on a fast machine and still correct on a slow one.
 *
 * <pre>{@code
 * Waits.await("the server to accept a connection").until(() -> server.connections() == 1);
 * }</pre>
 *
 * <p>A condition must only read state (a field, a thread's state, a count), never change it or
 * start work: the grader treats a thread that polls a condition not yet true as one that only
 * looks. When every other thread of the test waits for another one, nothing is left to make the
 * condition true, and the grader ends the test as stuck instead of waiting out the bound.
 */
public final class Waits {

    /** The longest any single wait in a test may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration POLL_INTERVAL = Duration.ofMillis(10);

    /** By thread id: what the thread waits for, while its last look found the condition false. */
    private static final Map<Long, String> UNMET = new ConcurrentHashMap<>();

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
                .pollInSameThread()
                .conditionEvaluationListener(new NoteUnmet(what));
    }

    /**
     * What the thread with this id waits for (the {@code what} of its wait, possibly empty), if it is in one of
     * these waits and its last look found the condition false; otherwise null. For the grader:
     * a wait whose condition holds is passing time on purpose ({@code during}) or about to end.
     */
    public static String unmet(long threadId) {
        return UNMET.get(threadId);
    }

    /** Keeps {@link #UNMET} up to date from the polling thread itself. */
    private record NoteUnmet(String what) implements ConditionEvaluationListener<Object> {

        NoteUnmet {
            what = what == null ? "" : what;
        }

        @Override
        public void conditionEvaluated(EvaluatedCondition<Object> condition) {
            if (condition.isSatisfied()) {
                UNMET.remove(Thread.currentThread().getId());
            } else {
                UNMET.put(Thread.currentThread().getId(), what);
            }
        }

        @Override
        public void exceptionIgnored(IgnoredException ignored) {
            UNMET.put(Thread.currentThread().getId(), what);
        }

        @Override
        public void onTimeout(TimeoutEvent timeout) {
            UNMET.remove(Thread.currentThread().getId());
        }
    }
}
