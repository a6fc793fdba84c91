package wirelab.sockets.nio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import wirelab.sockets.tcp.EchoServer;
import wirelab.sockets.tcp.Shutdown;

/**
 * Exercise 4 (advanced): one thread, many clients. Non-blocking channels never wait: a read
 * returns what has arrived (maybe 0 bytes), a write takes what fits (maybe less than asked).
 * A {@link Selector} tells the single server thread which channels are ready:
 * <ul>
 *   <li>OP_ACCEPT on the server channel: accept, make the client non-blocking, register OP_READ
 *       with its own buffer attached;</li>
 *   <li>OP_READ: read into the client's buffer; -1 means the client closed: close the channel;</li>
 *   <li>echo: write the buffer back; if not all of it fit, stop reading and wait for OP_WRITE
 *       (so a client that sends but never reads cannot make us buffer without end);</li>
 *   <li>OP_WRITE: write the rest; once the buffer is empty, go back to OP_READ.</li>
 * </ul>
 * This is the lecture's non-blocking send/receive: the thread never blocks on one client.
 *
 * <p>Run it: {@code java -cp target/classes wirelab.sockets.nio.SelectorEchoServer 50000}.
 * Tests: {@code Part4SelectorEchoServerTest}.
 */
public final class SelectorEchoServer implements EchoServer {

    /** Bytes buffered per client; more than one read's worth makes no difference to an echo. */
    static final int BUFFER_SIZE = 4096;

    private final Selector selector;
    private final ServerSocketChannel server;
    private final Thread loop;
    private volatile boolean running = true;

    /** Binds {@code port} on loopback (0 = any free port) and starts the selector thread. */
    public SelectorEchoServer(int port) {
        try {
            selector = Selector.open();
            server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on port " + port, e);
        }
        loop = new Thread(this::run, "selector-echo-" + port());
        loop.start();
    }

    @Override
    public int port() {
        return server.socket().getLocalPort();
    }

    private void run() {
        try {
            while (running) {
                selector.select();
                for (SelectionKey key : selector.selectedKeys()) {
                    try {
                        if (!key.isValid()) {
                            continue;
                        }
                        if (key.isAcceptable()) {
                            accept();
                        } else {
                            if (key.isReadable()) {
                                read(key);
                            }
                            if (key.isValid() && key.isWritable()) {
                                write(key);
                            }
                        }
                    } catch (IOException e) {
                        key.cancel(); // this client broke (e.g. reset): drop it, serve the others
                        Shutdown.closeQuietly(key.channel());
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            // the selector is gone: nothing left to serve
        } finally {
            for (SelectionKey key : selector.keys()) {
                Shutdown.closeQuietly(key.channel());
            }
            Shutdown.closeQuietly(selector);
        }
    }

    /** The server channel is ready: accept a client and register it for reading. */
    private void accept() throws IOException {
        throw new UnsupportedOperationException("TODO: accept the client, make it non-blocking and register it for OP_READ with a ByteBuffer attached");
    }

    /** A client has bytes for us: read them and echo what we can at once. */
    private void read(SelectionKey key) throws IOException {
        throw new UnsupportedOperationException("TODO: read into the key's buffer (close on -1), then echo it back with write(key)");
    }

    /** Writes what is buffered for a client; waits for OP_WRITE while some is left. */
    private void write(SelectionKey key) throws IOException {
        throw new UnsupportedOperationException("TODO: write the buffered bytes; if some are left, wait for OP_WRITE instead of OP_READ, else go back to OP_READ");
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        Shutdown.join(loop);
        Shutdown.closeQuietly(server);
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 50000;
        SelectorEchoServer s = new SelectorEchoServer(port);
        System.out.println("selector echo server on 127.0.0.1:" + s.port() + " (one thread for all clients)");
        s.loop.join();
    }
}
