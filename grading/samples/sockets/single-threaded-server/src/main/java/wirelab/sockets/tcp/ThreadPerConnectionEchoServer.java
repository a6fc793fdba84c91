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

/** Sample mistake: one thread does everything, so one client at a time is served. */
public final class ThreadPerConnectionEchoServer implements EchoServer {

    private final ServerSocket listener;
    private final Thread acceptor;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

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
                return;
            }
            clients.add(client);
            Echo.serve(client); // the mistake: the next accept() waits until this client leaves
            clients.remove(client);
        }
    }

    @Override
    public void close() {
        Shutdown.closeQuietly(listener);
        for (Socket client : List.copyOf(clients)) {
            Shutdown.closeQuietly(client);
        }
        Shutdown.join(acceptor);
    }
}
