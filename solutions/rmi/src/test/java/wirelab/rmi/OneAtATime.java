package wirelab.rmi;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import wirelab.testkit.Waits;

/**
 * Test helper: a listener hears its changes one at a time, so they arrive in the order they were
 * made, every run. One client binds "first", then "second". The listener (in the test's JVM, no
 * RMI in between) holds the call about "first" until the store gives up on it (its callback
 * timeout interrupts the call) or the call about "second" arrives. With a lane per listener,
 * "second" waits behind "first" and never arrives while "first" is held. Calls handed to a shared
 * pool, or to a new thread each, run side by side: "second" arrives while "first" is held, or
 * before it, on every run, since nothing but a lane makes it wait. Played once per JVM; the tests
 * that need it share the verdict. Not graded.
 */
final class OneAtATime {

    /** The store's callback timeout here: it ends the held call of a correct store, so it is what this costs. */
    private static final Duration TIMEOUT = Duration.ofMillis(250);
    /** The longest the listener holds the first call when the store never gives up on it. */
    private static final Duration HOLD = Duration.ofSeconds(3);

    private static String verdict;

    private OneAtATime() {
    }

    /** Null if the listener's calls came one at a time, in order; otherwise a sentence for the student. */
    static synchronized String problem() {
        if (verdict == null) {
            verdict = play();
        }
        return verdict.isEmpty() ? null : verdict;
    }

    private static String play() {
        InfoStore store = new InfoStore(TIMEOUT);
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean firstHeld = new AtomicBoolean();
        AtomicReference<String> wrong = new AtomicReference<>();
        InfoListener listener = (key, value) -> {
            if (key.equals("first")) {
                firstHeld.set(true);
                firstArrived.countDown();
                try {
                    release.await(HOLD.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();   // the store gave up on this call: fine
                } finally {
                    firstHeld.set(false);
                }
            } else if (firstHeld.get()) {
                wrong.compareAndSet(null, "called the same listener again about \"second\" while its call about \"first\""
                        + " (held by the test) was still running");
                release.countDown();
            } else if (firstArrived.getCount() > 0) {
                wrong.compareAndSet(null, "called the listener about \"second\" before it called it about \"first\"");
                release.countDown();
            }
        };
        try {
            store.addListener(listener);
            Thread binder = new Thread(() -> {
                store.bind("first", new Info("v"));
                store.bind("second", new Info("v"));
            }, "binds first, then second");
            binder.setDaemon(true);        // a bind that calls the held listener itself must not keep the JVM alive
            binder.start();
            try {
                Waits.await("the listener's call about \"first\" to end, or the call about \"second\" to reach it"
                                + " side by side", HOLD.plusSeconds(5))
                        .until(() -> wrong.get() != null || firstArrived.getCount() == 0 && !firstHeld.get());
            } catch (ConditionTimeoutException e) {
                return "";               // no call at all: the other callback tests say so
            }
        } finally {
            release.countDown();
            store.close();
        }
        if (wrong.get() == null) {
            return "";
        }
        return "one client bound \"first\", then \"second\", and the store " + wrong.get() + ". Calls that run side by"
                + " side can arrive in any order, so a listener may hear a key's values out of order. Give each"
                + " listener its own lane (a single-thread executor) and hand it every call for that listener: each"
                + " call then waits for the one before";
    }
}
