package wirelab.sockets.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Exercise 3.1: UDP delivers a datagram once, twice, late or never. This client builds the
 * lecture's TCP guarantees back by hand for one request at a time:
 * <ul>
 *   <li>every request gets the next <b>sequence number</b> (1, 2, 3, ...);</li>
 *   <li>no reply within {@code timeout}: <b>send the same request again</b> (same number),
 *       at most {@code maxAttempts} times in all, then give up with a SocketTimeoutException;</li>
 *   <li>a reply with another number is a <b>duplicate</b> or a late answer to an older request:
 *       ignore it and keep waiting (for the rest of the current timeout).</li>
 * </ul>
 * Because of retransmission the server may receive a request twice; {@link AtMostOnceUdpServer}
 * makes sure it is still carried out only once.
 *
 * <p>Tests: {@code Part3UdpTest} (through a relay that drops, duplicates and reorders datagrams).
 */
public final class ReliableUdpClient implements AutoCloseable {

    private final DatagramSocket socket;
    private final SocketAddress server;
    private final Duration timeout;
    private final int maxAttempts;
    private int nextSeq = 1;
    private int sends;

    /** A client bound to an ephemeral loopback port, talking to {@code server}. */
    public ReliableUdpClient(SocketAddress server, Duration timeout, int maxAttempts) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.server = server;
        this.timeout = timeout;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Sends {@code request} and returns the text of the matching reply.
     *
     * @throws SocketTimeoutException after {@code maxAttempts} sends without a matching reply
     */
    public String request(String request) throws IOException {
        int seq = nextSeq++;
        byte[] body = request.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = java.nio.ByteBuffer.allocate(4 + body.length).putInt(seq).put(body).array();
        byte[] buffer = new byte[Datagrams.MAX_DATAGRAM];
        DatagramPacket in = new DatagramPacket(buffer, buffer.length);
        for (int attempt = 0; attempt < maxAttempts; attempt++) {
            socket.send(new DatagramPacket(out, out.length, server));
            sends++;
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            for (long left = timeout.toMillis(); left > 0; left = deadline - System.currentTimeMillis()) {
                socket.setSoTimeout((int) left);
                in.setLength(buffer.length); // receive() shrank it to the last datagram's length
                try {
                    socket.receive(in);
                } catch (SocketTimeoutException e) {
                    break;
                }
                if (in.getLength() < 4) {
                    continue;
                }
                java.nio.ByteBuffer reply = java.nio.ByteBuffer.wrap(in.getData(), in.getOffset(), in.getLength());
                if (reply.getInt() == seq) {
                    return java.nio.charset.StandardCharsets.UTF_8.decode(reply).toString();
                }
            }
        }
        throw new SocketTimeoutException("request #" + seq + " unanswered after " + maxAttempts + " attempts");
    }

    /** How many datagrams this client has sent, retransmissions included. */
    public int sends() {
        return sends;
    }

    /** The local port, to tell clients apart on the server. */
    public int localPort() {
        return socket.getLocalPort();
    }

    @Override
    public void close() {
        socket.close();
    }
}
