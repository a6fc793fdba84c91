package wirelab.sockets.tcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Sample mistake: close() stops accepting but leaves every client connection (and its thread) running. */
public final class ThreadPerConnectionEchoServer implements EchoServer {

    private final ServerSocket listener;
    private final Thread acceptor;

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
            new Thread(() -> Echo.serve(client), "echo-client-" + client.getPort()).start();
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // ignore
        }
    }
}
