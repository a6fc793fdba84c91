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
        // BEGIN SOLUTION
        DatagramPacket packet = Datagrams.packet(seq, request, server);
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            socket.send(packet);
            sends++;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break; // this attempt timed out: send again
                }
                socket.setSoTimeout((int) left);
                DatagramPacket in = Datagrams.receiveBuffer();
                try {
                    socket.receive(in);
                } catch (SocketTimeoutException e) {
                    break;
                }
                Datagrams.Message reply = Datagrams.decode(in);
                if (reply.seq() == seq) {
                    return reply.text();
                }
                // a duplicate or a late reply to an older request: not ours, keep waiting
            }
        }
        throw new SocketTimeoutException("no reply to request #" + seq + " (\"" + request + "\") after "
                + maxAttempts + " attempts of " + timeout.toMillis() + " ms");
        // STARTER TODO: send Datagrams.packet(seq, ...), wait at most timeout for the reply with the same seq (ignore others), resend up to maxAttempts times (count each send in `sends`)
        // END SOLUTION
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
