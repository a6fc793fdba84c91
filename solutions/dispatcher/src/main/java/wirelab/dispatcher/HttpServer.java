package wirelab.dispatcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Task 3: the web server the servlets run in. One thread accepts connections; a bounded pool of
 * worker threads serves them, one {@link Connection} per worker at a time, so a flood of clients
 * cannot start a flood of threads. When every worker is busy and the waiting line is full, a new
 * connection gets {@code 503 Service Unavailable} at once.
 *
 * <pre>{@code
 * Dispatcher d = new Dispatcher().map("/hello", new HelloServlet());
 * try (HttpServer server = new HttpServer(d, 16, Limits.defaults())) {
 *     int port = server.start(new InetSocketAddress("localhost", 0));   // 0: any free port
 * }                                                                       // close(): drain, then destroy()
 * }</pre>
 */
public final class HttpServer implements AutoCloseable {

    private final Dispatcher dispatcher;
    private final Limits limits;
    private final ThreadPoolExecutor workers;
    private final List<Servlet> servlets;
    private ServerSocket serverSocket;
    private WriteWatchdog writeWatchdog;
    private Thread acceptor;
    private volatile boolean stopping;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();

    /**
     * @param threads worker threads: at most this many connections are served at once; as many
     *                again may wait in line
     */
    public HttpServer(Dispatcher dispatcher, int threads, Limits limits) {
        this.dispatcher = dispatcher;
        this.limits = limits;
        this.servlets = dispatcher.servlets();
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads), r -> {
                    Thread t = new Thread(r, "http-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Initialises every servlet once, binds, starts accepting; returns the bound port. */
    public synchronized int start(InetSocketAddress address) throws IOException {
        if (serverSocket != null) {
            throw new IllegalStateException("already started");
        }
        for (Servlet s : servlets) {
            try {
                s.init();
            } catch (Exception e) {
                throw new IOException(s.getClass().getSimpleName() + ".init() failed: " + e, e);
            }
        }
        serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(address, 128);
        writeWatchdog = new WriteWatchdog(limits.writeTimeout(), "http-write-watchdog-" + serverSocket.getLocalPort());
        acceptor = new Thread(this::acceptLoop, "http-acceptor-" + serverSocket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return serverSocket.getLocalPort();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!stopping) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return;   // the server socket was closed: we are stopping
            }
            accepted.incrementAndGet();
            try {
                workers.execute(new Connection(socket, this));
            } catch (RejectedExecutionException e) {
                refuse(socket);
            }
        }
    }

    /** Every worker busy and the line full: say so rather than leave the client hanging. */
    private static void refuse(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException ignored) {
            // the client is gone anyway
        }
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    Limits limits() {
        return limits;
    }

    WriteWatchdog writeWatchdog() {
        return writeWatchdog;
    }

    /** True when the server is shutting down: connections finish their request and close. */
    boolean stopping() {
        return stopping;
    }

    /** True when connections wait in line for a worker: an idle kept-alive connection should give its worker up. */
    boolean othersWaiting() {
        return !workers.getQueue().isEmpty();
    }

    void requestStarted() {
        inFlight.incrementAndGet();
    }

    void requestFinished() {
        inFlight.decrementAndGet();
    }

    /** Requests being served right now (parsed, not yet answered). */
    public int inFlight() {
        return inFlight.get();
    }

    /** Connections accepted since start: tells a test whether a client reused its connection. */
    public int connectionsAccepted() {
        return accepted.get();
    }

    /**
     * Graceful shutdown: stop accepting, let every request in flight finish and be answered
     * (idle connections close at once), then call each servlet's {@code destroy()} once.
     */
    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    public synchronized void close(Duration grace) {
        if (stopping) {
            return;
        }
        stopping = true;
        try {
            if (serverSocket != null) {
                serverSocket.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
                workers.awaitTermination(1, TimeUnit.SECONDS);
            }
            if (acceptor != null) {
                acceptor.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writeWatchdog != null) {
            writeWatchdog.close();
        }
        List<Servlet> reversed = new ArrayList<>(servlets);
        java.util.Collections.reverse(reversed);
        for (Servlet s : reversed) {
            try {
                s.destroy();
            } catch (RuntimeException ignored) {
                // one servlet failing to clean up must not stop the others
            }
        }
    }
}
