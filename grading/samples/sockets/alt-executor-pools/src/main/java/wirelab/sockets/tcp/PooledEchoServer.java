package wirelab.sockets.tcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exercise 1.3: a thread per connection costs a thread per client, and 10 000 clients would
 * mean 10 000 threads. A bounded pool serves at most {@code poolSize} clients at once; the
 * next ones wait in the pool's queue (already connected, not yet answered) until a worker is free.
 *
 * <p>The acceptor hands each accepted socket to a fixed thread pool
 * ({@link Executors#newFixedThreadPool(int, ThreadFactory)}). {@code close()} closes the listener
 * and every socket (also those still queued), then shuts the pool down and waits for it.
 *
 * <p>Run it: {@code java -cp target/classes wirelab.sockets.tcp.PooledEchoServer 50000 4}.
 * Tests: {@code Part1PooledEchoServerTest}.
 */
public final class PooledEchoServer implements EchoServer {

    private final ServerSocket listener;
    private final Thread acceptor;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final int poolSize;
    private final ExecutorService pool;

    /** Binds {@code port} on loopback (0 = any free port) and serves at most {@code poolSize} clients at once. */
    public PooledEchoServer(int port, int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        this.poolSize = poolSize;
        try {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on port " + port, e);
        }
        pool = newPool();
        acceptor = new Thread(this::acceptClients, "pooled-echo-acceptor-" + port());
        acceptor.start();
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    private ExecutorService newPool() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory named = r -> {
            Thread t = new Thread(r, "pool-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new java.util.concurrent.ThreadPoolExecutor(poolSize, poolSize, 0, TimeUnit.MILLISECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), named);
    }

    private void acceptClients() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // close() closed the listening socket
            }
            clients.add(client);
            try {
                pool.execute(() -> {
                    try {
                        Echo.serve(client);
                    } finally {
                        clients.remove(client);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                Shutdown.closeQuietly(client); // the pool is shutting down
                clients.remove(client);
            }
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket client : clients) {
            try {
                client.close();
            } catch (IOException e) {
                // already closed
            }
        }
        pool.shutdownNow(); // queued clients never start: their sockets are closed above
        try {
            acceptor.join(2_000);
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Socket client : clients) { // accepted while we were closing
            Shutdown.closeQuietly(client);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 50000;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        PooledEchoServer server = new PooledEchoServer(port, size);
        System.out.println("pooled echo server (" + size + " workers) on 127.0.0.1:" + server.port());
        server.acceptor.join();
    }
}
