package wirelab.sockets.tcp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Exercise 1.4: the lecture's EchoClient, made robust. The Python client connects, sends once
 * and reads once; a real client must also
 * <ul>
 *   <li>give up connecting after a while ({@code connect(address, timeout)}),</li>
 *   <li>give up waiting for a reply after a while ({@code setSoTimeout}),</li>
 *   <li>keep reading until the whole echo is back (TCP may deliver it in pieces),</li>
 *   <li>say clearly what went wrong: "nothing listens on 127.0.0.1:50000" beats "Connection refused".</li>
 * </ul>
 *
 * <p>Run it: {@code java -cp target/classes wirelab.sockets.tcp.EchoClient 50000 "Hello, world"}.
 * Tests: {@code Part1EchoClientTest}.
 */
public final class EchoClient implements AutoCloseable {

    private final Socket socket;
    private final String peer;
    private final Duration readTimeout;

    private EchoClient(Socket socket, String peer, Duration readTimeout) {
        this.socket = socket;
        this.peer = peer;
        this.readTimeout = readTimeout;
    }

    /**
     * Connects to {@code host:port}, waiting at most {@code connectTimeout}; every later read
     * waits at most {@code readTimeout}.
     *
     * @throws ConnectException when nothing listens there; its message names host and port
     */
    public static EchoClient connect(String host, int port, Duration connectTimeout, Duration readTimeout)
            throws IOException {
        String peer = host + ":" + port;
        // BEGIN SOLUTION
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
        } catch (ConnectException e) {
            socket.close();
            throw new ConnectException("nothing listens on " + peer + " (is the server running?)");
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new SocketTimeoutException("could not connect to " + peer + " within "
                    + connectTimeout.toMillis() + " ms");
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new EchoClient(socket, peer, readTimeout);
        // STARTER TODO: connect with connectTimeout, set the read timeout, and turn a refused connection into a ConnectException naming host:port
        // END SOLUTION
    }

    /** Sends {@code message} and returns what the server sends back: exactly as many bytes as were sent. */
    public String echo(String message) throws IOException {
        byte[] sent = message.getBytes(StandardCharsets.UTF_8);
        // BEGIN SOLUTION
        socket.getOutputStream().write(sent);
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1024];
        StringBuilder echo = new StringBuilder();
        int got = 0;
        try {
            while (got < sent.length) {
                int n = in.read(buffer, 0, Math.min(buffer.length, sent.length - got));
                if (n == -1) {
                    throw new EOFException(peer + " closed the connection after " + got + " of "
                            + sent.length + " bytes of the echo");
                }
                echo.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                got += n;
            }
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("no echo from " + peer + " within " + readTimeout.toMillis()
                    + " ms (got " + got + " of " + sent.length + " bytes)");
        }
        return echo.toString();
        // STARTER TODO: send the bytes, then read until all of them came back (read() may return fewer)
        // END SOLUTION
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 50000;
        String message = args.length > 1 ? args[1] : "Hello, world";
        try (EchoClient client = connect("localhost", port, Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            System.out.println("Received: " + client.echo(message));
        }
    }
}
