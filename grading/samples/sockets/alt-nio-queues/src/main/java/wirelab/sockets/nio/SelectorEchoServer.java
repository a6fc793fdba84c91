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

    /** What is still to be echoed to one client, oldest first. */
    private static final class Pending {
        final java.util.ArrayDeque<ByteBuffer> queue = new java.util.ArrayDeque<>();
        long bytes;
    }

    /** Stop reading from a client while this much is waiting to be echoed to it. */
    private static final long HIGH_WATER = 64 * 1024;

    private void accept() throws IOException {
        SocketChannel client;
        while ((client = server.accept()) != null) {
            client.configureBlocking(false);
            client.register(selector, SelectionKey.OP_READ, new Pending());
        }
    }

    private void read(SelectionKey key) throws IOException {
        SocketChannel client = (SocketChannel) key.channel();
        Pending pending = (Pending) key.attachment();
        ByteBuffer fresh = ByteBuffer.allocate(1024);
        int n = client.read(fresh);
        if (n < 0) {
            drop(key);
            return;
        }
        if (n > 0) {
            fresh.flip();
            pending.queue.addLast(fresh);
            pending.bytes += n;
        }
        write(key);
    }

    private void write(SelectionKey key) throws IOException {
        SocketChannel client = (SocketChannel) key.channel();
        Pending pending = (Pending) key.attachment();
        while (!pending.queue.isEmpty()) {
            ByteBuffer head = pending.queue.peekFirst();
            int n = client.write(head);
            pending.bytes -= n;
            if (head.hasRemaining()) {
                break; // the socket's send buffer is full
            }
            pending.queue.removeFirst();
        }
        int ops = 0;
        if (!pending.queue.isEmpty()) {
            ops |= SelectionKey.OP_WRITE;
        }
        if (pending.bytes < HIGH_WATER) {
            ops |= SelectionKey.OP_READ;
        }
        key.interestOps(ops);
    }

    private static void drop(SelectionKey key) {
        key.cancel();
        Shutdown.closeQuietly(key.channel());
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
