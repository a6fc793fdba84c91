package wirelab.sockets.framing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import wirelab.sockets.tcp.Shutdown;

/**
 * Exercise 2.4: the key-value service on the network, with either framing. A thread per
 * connection reads requests and writes replies until the client closes.
 *
 * <p>A server meets strangers, so bad input must never crash it or leave a thread stuck:
 * <ul>
 *   <li>a malformed frame (bad length, too large, invalid UTF-8) gets one {@code ERR ...} reply,
 *       then the connection is closed: after a bad header we no longer know where frames begin;</li>
 *   <li>a stream that ends mid-frame, or a client silent for {@link #IDLE_TIMEOUT_MILLIS}, is closed;</li>
 *   <li>other clients are served all the while.</li>
 * </ul>
 *
 * <p>Run it: {@code java -cp target/classes wirelab.sockets.framing.KeyValueServer 50000 line}, then
 * {@code nc 127.0.0.1 50000} and type {@code PUT greeting hello}, {@code GET greeting}.
 * Tests: {@code Part2KeyValueTest}, and {@code Part6InteropTest} (nc as the client).
 */
public final class KeyValueServer implements AutoCloseable {

    /** A client that sends nothing for this long is disconnected. */
    public static final int IDLE_TIMEOUT_MILLIS = 5_000;

    private final Framing framing;
    private final KeyValueService service = new KeyValueService();
    private final ServerSocket listener;
    private final Thread acceptor;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();

    /** Binds {@code port} on loopback (0 = any free port) and serves requests framed with {@code framing}. */
    public KeyValueServer(int port, Framing framing) {
        this.framing = framing;
        try {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on port " + port, e);
        }
        acceptor = new Thread(this::acceptClients, "kv-acceptor-" + port());
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptClients() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed by close()
            }
            clients.add(client);
            Thread handler = new Thread(() -> {
                try {
                    serve(client);
                } finally {
                    Shutdown.closeQuietly(client);
                    clients.remove(client);
                    handlers.remove(Thread.currentThread());
                }
            }, "kv-client-" + client.getPort());
            handlers.add(handler);
            handler.start();
        }
    }

    /** Answers one client's requests until it closes, goes quiet, or breaks the protocol. */
    private void serve(Socket client) {
        try {
            client.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            try {
                for (String request = framing.read(in); request != null; request = framing.read(in)) {
                    framing.write(out, service.handle(request));
                }
            } catch (MalformedFrameException e) {
                framing.write(out, "ERR " + e.getMessage());
            }
        } catch (IOException e) {
            // idle (SocketTimeoutException), reset, or closed by close(): the finally in the acceptor closes it
        }
    }

    @Override
    public void close() {
        Shutdown.closeQuietly(listener);
        Shutdown.join(acceptor);
        for (Socket client : List.copyOf(clients)) {
            Shutdown.closeQuietly(client);
        }
        for (Thread handler : List.copyOf(handlers)) {
            Shutdown.join(handler);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 50000;
        Framing framing = args.length > 1 && args[1].equals("length") ? new LengthPrefixFraming() : new LineFraming();
        KeyValueServer server = new KeyValueServer(port, framing);
        System.out.println("key-value server (" + framing.getClass().getSimpleName() + ") on 127.0.0.1:" + server.port());
        server.acceptor.join();
    }
}
