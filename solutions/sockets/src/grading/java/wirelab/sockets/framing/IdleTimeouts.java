package wirelab.sockets.framing;

import java.lang.reflect.Field;
import java.net.Socket;
import java.util.Collection;

/**
 * Finds the server's own socket for a test's client, so the idle-timeout test can shorten the
 * server's read timeout instead of waiting the full {@link KeyValueServer#IDLE_TIMEOUT_MILLIS}.
 * The server keeps its client sockets in a collection field (the given {@code clients}); a server
 * that keeps them elsewhere is still graded, by waiting the full timeout.
 */
final class IdleTimeouts {

    private IdleTimeouts() {
    }

    /** The server-side socket connected to {@code client}, or null when the server does not keep it in a field. */
    static Socket serverSocketFor(KeyValueServer server, Socket client) {
        for (Field f : KeyValueServer.class.getDeclaredFields()) {
            if (!Collection.class.isAssignableFrom(f.getType())) {
                continue;
            }
            try {
                f.setAccessible(true);
                Collection<?> values = (Collection<?>) f.get(server);
                if (values == null) {
                    continue;
                }
                for (Object o : values.toArray()) {
                    if (o instanceof Socket s && s.getPort() == client.getLocalPort()) {
                        return s;
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // not a field we can read: fall back to waiting
            }
        }
        return null;
    }
}
