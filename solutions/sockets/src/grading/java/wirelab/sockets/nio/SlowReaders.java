package wirelab.sockets.nio;

import java.lang.reflect.Field;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import wirelab.testkit.Waits;

/**
 * Helpers that make a selector server's writes partial on loopback, where the kernel would
 * otherwise buffer megabytes: small buffers on the server's own socket for a client, and a
 * client that reads only once it has sent everything (or cannot send more).
 */
final class SlowReaders {

    private SlowReaders() {
    }

    /**
     * Gives the server's socket for {@code client} a send buffer of 32 KB (the kernel then stops
     * growing it) and no Nagle delay, once the server has accepted it, and returns that socket. A server
     * whose selector is not in a field is left as it is (null): the test is then weaker, not wrong.
     */
    static SocketChannel shrinkServerBuffers(SelectorEchoServer server, Socket client) throws Exception {
        Selector selector = null;
        for (Field f : SelectorEchoServer.class.getDeclaredFields()) {
            if (Selector.class.isAssignableFrom(f.getType())) {
                f.setAccessible(true);
                selector = (Selector) f.get(server);
            }
        }
        if (selector == null) {
            return null;
        }
        Selector keys = selector;
        SocketChannel[] found = new SocketChannel[1];
        Waits.await("the selector server to accept the client", Duration.ofSeconds(5)).until(() -> {
            for (Object k : keys.keys().toArray()) {
                if (((SelectionKey) k).channel() instanceof SocketChannel ch && ch.isOpen()
                        && ch.socket().getPort() == client.getLocalPort()) {
                    found[0] = ch;
                    return true;
                }
            }
            return false;
        });
        found[0].setOption(StandardSocketOptions.SO_SNDBUF, 16 * 1024);
        found[0].setOption(StandardSocketOptions.TCP_NODELAY, true);
        return found[0];
    }

    /** Waits until the writer sent all {@code size} bytes, or has sent nothing more for 300 ms (its buffers are full). */
    static void awaitAllSentOrStuck(AtomicLong sent, long size, Thread writer) {
        long[] last = {-1, System.nanoTime()};
        Waits.await("the client to send everything or get stuck", Duration.ofSeconds(20)).until(() -> {
            long now = sent.get();
            if (now >= size || !writer.isAlive()) {
                return true;
            }
            if (now != last[0]) {
                last[0] = now;
                last[1] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - last[1] > 300_000_000L;
        });
    }
}
