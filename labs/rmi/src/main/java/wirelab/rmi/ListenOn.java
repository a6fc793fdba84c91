package wirelab.rmi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;

/**
 * Where RMI listens: server sockets bound to one address (loopback in tests, {@code null} for
 * every interface), remembering the port they got, so port 0 ("any free port") can be read
 * back. Given code: nothing to do here.
 */
public final class ListenOn implements RMIServerSocketFactory {

    private final InetAddress address;
    private volatile int port = -1;

    public ListenOn(InetAddress address) {
        this.address = address;
    }

    @Override
    public ServerSocket createServerSocket(int requested) throws IOException {
        ServerSocket socket = new ServerSocket(requested, 0, address);
        port = socket.getLocalPort();
        return socket;
    }

    /** The port of the last socket made, or -1 before the first one. */
    public int port() {
        return port;
    }

    /** The host name clients use to reach this address. */
    public String host() {
        return address == null || address.isAnyLocalAddress()
                ? InetAddress.getLoopbackAddress().getHostAddress()
                : address.getHostAddress();
    }
}
