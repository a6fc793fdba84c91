package wirelab.sockets.tcp;

import java.io.IOException;
import java.net.Socket;

/**
 * Exercise 1.1: the body of the lecture's Python EchoServer, in Java.
 *
 * <pre>
 * data = client.recv(size)
 * if data: client.send(data)
 * </pre>
 *
 * TCP is a byte stream, not a message stream: one {@code read} returns whatever has arrived
 * (1 byte, or 1024), so the loop keeps reading and writing until {@code read} returns -1, which
 * means the client closed its side. A client that vanishes mid-message (connection reset) ends
 * the loop with an IOException: that is normal life for a server, not a crash.
 *
 * <p>Tests: {@code Part1EchoServerTest}. Run a server: see {@link ThreadPerConnectionEchoServer}.
 */
public final class Echo {

    /** The lecture's {@code size = 1024}: the most bytes one read asks for. */
    public static final int BUFFER_SIZE = 1024;

    private Echo() {
    }

    /** Sends everything the client sends straight back, until the client closes; then closes the socket. */
    public static void serve(Socket client) {
        try (client) {
            client.getInputStream().transferTo(client.getOutputStream());
        } catch (IOException e) {
            // a reset, or the server's close(): nobody is left to answer
        }
    }
}
