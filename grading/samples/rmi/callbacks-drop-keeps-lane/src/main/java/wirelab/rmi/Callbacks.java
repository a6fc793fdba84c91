package wirelab.rmi;

import java.rmi.RemoteException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells every registered {@link InfoListener} about each change (task 3).
 *
 * <p>A callback is a remote call into a client, and a client can be slow, stuck or gone.
 * So each listener gets its own lane (one thread, changes in order), every call has a
 * timeout, and a listener that fails or times out is dropped. The thread that published
 * the change never waits for any listener, and one bad listener never holds up the others.
 */
final class Callbacks implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Duration timeout;
    private final Map<InfoListener, ExecutorService> lanes = new ConcurrentHashMap<>();

    Callbacks(Duration timeout) {
        this.timeout = timeout;
    }

    void add(InfoListener listener) {
        lanes.computeIfAbsent(listener, l -> Executors.newFixedThreadPool(1, Callbacks::daemon));
    }

    void remove(InfoListener listener) {
        ExecutorService lane = lanes.remove(listener);
        if (lane != null) {
            lane.shutdownNow();
        }
    }

    /** Tells every listener that {@code key} now holds {@code value} ({@code null}: removed). */
    void publish(String key, Info value) {
        lanes.forEach((listener, lane) -> {
            try {
                CompletableFuture.runAsync(() -> call(listener, key, value), lane)
                        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .whenComplete((ok, failure) -> {
                            if (failure != null) {
                                lanes.remove(listener);   // forgotten, but its lane keeps its thread
                            }
                        });
            } catch (RejectedExecutionException dropped) {
                // removed while we were publishing: nothing to tell it
            }
        });
    }

    int size() {
        return lanes.size();
    }

    @Override
    public void close() {
        lanes.keySet().forEach(this::remove);
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

