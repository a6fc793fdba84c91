package wirelab.rmi;

import java.rmi.RemoteException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells every registered {@link InfoListener} about each change (task 3): each listener has its
 * own single-thread executor, and a shared timer cancels a call that takes too long.
 */
final class Callbacks implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(Callbacks::daemon);

    private record Listener(InfoListener stub, ExecutorService lane) {
    }

    private final Duration timeout;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    Callbacks(Duration timeout) {
        this.timeout = timeout;
    }

    synchronized void add(InfoListener listener) {
        for (Listener l : listeners) {
            if (l.stub().equals(listener)) {
                return;
            }
        }
        listeners.add(new Listener(listener, Executors.newSingleThreadExecutor(Callbacks::daemon)));
    }

    synchronized void remove(InfoListener listener) {
        for (Listener l : listeners) {
            if (l.stub().equals(listener)) {
                listeners.remove(l);
                l.lane().shutdownNow();
            }
        }
    }

    /** Tells every listener that {@code key} now holds {@code value} ({@code null}: removed). */
    void publish(String key, Info value) {
        for (Listener l : listeners) {
            Future<?> call;
            try {
                call = l.lane().submit(() -> {
                    try {
                        l.stub().changed(key, value);
                    } catch (RemoteException e) {
                        remove(l.stub());
                    }
                });
            } catch (RejectedExecutionException gone) {
                continue;
            }
            TIMER.schedule(() -> {
                if (!call.isDone()) {
                    call.cancel(true);
                    remove(l.stub());
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    int size() {
        return listeners.size();
    }

    @Override
    public void close() {
        for (Listener l : listeners) {
            remove(l.stub());
        }
    }

    /** Callback threads are daemons: a stuck client must never keep the server's JVM alive. */
    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "info-callback-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
