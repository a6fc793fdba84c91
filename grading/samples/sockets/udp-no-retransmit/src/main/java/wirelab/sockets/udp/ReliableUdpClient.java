package wirelab.sockets.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Sample mistake: a timeout, but no retransmission: UDP without a policy for lost packets. */
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
        socket.send(Datagrams.packet(seq, request, server)); // the mistake: sent once, never again
        sends++;
        long deadline = System.nanoTime() + timeout.toNanos() * maxAttempts;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("no reply to request #" + seq);
            }
            socket.setSoTimeout((int) left);
            DatagramPacket in = Datagrams.receiveBuffer();
            try {
                socket.receive(in);
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("no reply to request #" + seq);
            }
            Datagrams.Message reply = Datagrams.decode(in);
            if (reply != null && reply.seq() == seq) {
                return reply.text();
            }
        }
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
