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
 * made, every run. A listener (in the test's JVM, no RMI in between) holds the call about the
 * first change until the store gives up on it (its callback timeout) or a second call reaches it.
 * With a lane per listener, the second change waits behind the first and never arrives while the
 * first is held. Calls handed to a shared pool, or to a new thread each, arrive side by side, and
 * one can overtake another: then the second call reaches the listener while the first is still
 * held, on every run. Played once per JVM; the tests that need it share the verdict. Not graded.
 */
final class OneAtATime {

    /** The longest the listener holds the first call when the store never gives up on it. */
    private static final Duration HOLD = Duration.ofSeconds(10);

    private static String verdict;

    private OneAtATime() {
    }

    /** Null if the listener's calls came one at a time; otherwise a sentence for the student. */
    static synchronized String problem() {
        if (verdict == null) {
            verdict = play();
        }
        return verdict.isEmpty() ? null : verdict;
    }

    private static String play() {
        InfoStore store = new InfoStore(TestServers.CALLBACK_TIMEOUT);
        CountDownLatch firstArrived = new CountDownLatch(1);
        CountDownLatch secondArrived = new CountDownLatch(1);
        AtomicBoolean firstHeld = new AtomicBoolean();
        AtomicReference<String> overtook = new AtomicReference<>();
        InfoListener listener = (key, value) -> {
            if (firstHeld.get()) {
                overtook.compareAndSet(null, key);
                secondArrived.countDown();
            } else if (key.equals("first")) {
                firstHeld.set(true);
                firstArrived.countDown();
                try {
                    secondArrived.await(HOLD.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();   // the store gave up on this call: fine
                } finally {
                    firstHeld.set(false);
                }
            }
        };
        try {
            store.addListener(listener);
            bindOnItsOwnThread(store, "first");
            try {
                Waits.await("the store to call the listener about the first bind", Duration.ofSeconds(10))
                        .until(() -> firstArrived.getCount() == 0);
            } catch (ConditionTimeoutException e) {
                return "";               // no call at all: the other callback tests say so
            }
            bindOnItsOwnThread(store, "second");
            Waits.await("the second change to reach the listener, or the first call to end", HOLD.plusSeconds(5))
                    .until(() -> overtook.get() != null || !firstHeld.get());
        } finally {
            store.close();
        }
        if (overtook.get() == null) {
            return "";
        }
        return "the store called a listener about \"first\" (the test held that call) and, while that call was still"
                + " running, called the same listener again about \"" + overtook.get() + "\", a change made after it."
                + " Calls that run side by side can arrive in any order, so a listener may hear a key's values out of"
                + " order. Give each listener its own lane (a single-thread executor) and hand it every call for that"
                + " listener: each call then waits for the one before";
    }

    private static void bindOnItsOwnThread(InfoStore store, String key) {
        Thread binder = new Thread(() -> store.bind(key, new Info("v")), "bind " + key);
        binder.setDaemon(true);        // a bind that calls the held listener itself must not keep the JVM alive
        binder.start();
    }
}
