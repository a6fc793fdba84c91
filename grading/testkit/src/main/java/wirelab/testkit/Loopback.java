package wirelab.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Loopback-only, ephemeral-port networking for tests. Binding port 0 lets the OS pick a free
 * port, so two test runs (or two gradings) on one machine never clash. Never hard-code a port.
 */
public final class Loopback {

    /** 127.0.0.1 (or ::1): the only address tests may use. */
    public static final InetAddress ADDRESS = InetAddress.getLoopbackAddress();

    private Loopback() {
    }

    /** A server socket bound to an ephemeral port on loopback; read the port with {@code getLocalPort()}. */
    public static ServerSocket serverSocket() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(ADDRESS, 0));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind an ephemeral loopback port", e);
        }
    }

    /** A datagram socket bound to an ephemeral port on loopback. */
    public static DatagramSocket datagramSocket() {
        try {
            return new DatagramSocket(new InetSocketAddress(ADDRESS, 0));
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind an ephemeral loopback UDP port", e);
        }
    }

    /**
     * A port that was free a moment ago. Only for code that insists on a number before it binds
     * (e.g. a child process): prefer passing port 0 to the code under test and reading back the
     * port it bound.
     */
    public static int freePort() {
        try (ServerSocket socket = serverSocket()) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The loopback address with the given port. */
    public static InetSocketAddress at(int port) {
        return new InetSocketAddress(ADDRESS, port);
    }
}
