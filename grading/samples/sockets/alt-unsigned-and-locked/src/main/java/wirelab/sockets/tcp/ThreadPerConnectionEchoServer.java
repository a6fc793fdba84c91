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

/**
 * Exercise 1.2: an echo server that gives every client its own thread, so a slow client never
 * blocks the others (the lecture's Python server serves one client at a time: try it with two).
 *
 * <p>One acceptor thread loops on {@code accept()}; each accepted socket is served by
 * {@link Echo#serve} on a new thread. {@code close()} must leave nothing behind: closing the
 * listening socket wakes the acceptor (accept throws), closing each client socket wakes its
 * handler (read throws), and then we wait for all those threads to end.
 *
 * <p>Run it: {@code java -cp target/classes wirelab.sockets.tcp.ThreadPerConnectionEchoServer 50000}
 * then {@code python3 src/test/resources/echo_client.py 50000} in another terminal.
 * Tests: {@code Part1EchoServerTest}.
 */
public final class ThreadPerConnectionEchoServer implements EchoServer {

    private final ServerSocket listener;
    private final Thread acceptor;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();

    /** Binds {@code port} on loopback (0 = any free port) and starts accepting clients. */
    public ThreadPerConnectionEchoServer(int port) {
        try {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on port " + port, e);
        }
        acceptor = new Thread(this::acceptClients, "echo-acceptor-" + port());
        acceptor.start();
    }

    @Override
    public int port() {
        return listener.getLocalPort();
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
            Thread handler = new Thread(() -> {
                try {
                    Echo.serve(client);
                } finally {
                    clients.remove(client);
                    handlers.remove(Thread.currentThread());
                }
            }, "echo-client-" + client.getPort());
            handlers.add(handler);
            handler.start();
        }
    }

    @Override
    public void close() {
        Shutdown.closeQuietly(listener);
        for (Socket client : List.copyOf(clients)) {
            Shutdown.closeQuietly(client);
        }
        List<Thread> threads = new java.util.ArrayList<>(List.of(acceptor));
        threads.addAll(handlers);
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join(Shutdown.JOIN_MILLIS);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // wait on all the same, and say so at the end
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 50000;
        ThreadPerConnectionEchoServer server = new ThreadPerConnectionEchoServer(port);
        System.out.println("echo server listening on 127.0.0.1:" + server.port() + " (Ctrl-C stops it)");
        server.acceptor.join();
    }
}
