package wirelab.rmi;

import java.rmi.RemoteException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells every registered {@link InfoListener} about each change (task 3): every call is handed to
 * CompletableFuture.runAsync without an executor of its own, with a timeout.
 */
final class Callbacks implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Duration timeout;
    private final Set<InfoListener> listeners = ConcurrentHashMap.newKeySet();

    Callbacks(Duration timeout) {
        this.timeout = timeout;
    }

    void add(InfoListener listener) {
        listeners.add(listener);
    }

    void remove(InfoListener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener that {@code key} now holds {@code value} ({@code null}: removed). */
    void publish(String key, Info value) {
        for (InfoListener listener : listeners) {
            CompletableFuture.runAsync(() -> call(listener, key, value))
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            remove(listener);
                        }
                    });
        }
    }

    int size() {
        return listeners.size();
    }

    @Override
    public void close() {
        listeners.clear();
    }

    private static void call(InfoListener listener, String key, Info value) {
        try {
            listener.changed(key, value);
        } catch (RemoteException e) {
            throw new IllegalStateException("listener did not take the change: " + e.getMessage(), e);
        }
    }

    /** Callback threads are daemons: a stuck client must never keep the server's JVM alive. */
    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "info-callback-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
