package wirelab.sockets.tcp;

import java.io.Closeable;
import java.io.IOException;

/**
 * Small helpers for a clean shutdown, shared by the servers of this lab: close without caring
 * whether it was already closed, and wait a bounded time for a thread to end.
 */
public final class Shutdown {

    /** How long close() waits for one thread before it gives up (and the leak test complains). */
    public static final long JOIN_MILLIS = 5_000;

    private Shutdown() {
    }

    public static void closeQuietly(Closeable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (IOException e) {
            // already broken: closing is all we wanted
        }
    }

    public static void join(Thread t) {
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
