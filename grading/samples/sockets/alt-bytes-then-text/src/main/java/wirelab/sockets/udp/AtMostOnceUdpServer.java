package wirelab.sockets.udp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import wirelab.sockets.tcp.Shutdown;

/**
 * Exercise 3.2: a request/reply server over UDP that carries out each request at most once,
 * although clients retransmit. "ADD 5" done twice is a wrong total, so the server remembers,
 * per client address, the last sequence number it handled and the reply it sent:
 * <ul>
 *   <li>a new number (higher than the last): handle it, remember number and reply, send the reply;</li>
 *   <li>the same number again: the reply got lost, so <b>send the remembered reply again</b>
 *       without handling the request a second time;</li>
 *   <li>a lower number: a stale duplicate from the past: ignore it.</li>
 * </ul>
 * This works because each client has one request outstanding at a time (see {@link ReliableUdpClient}).
 *
 * <p>Tests: {@code Part3UdpTest}.
 */
public final class AtMostOnceUdpServer implements AutoCloseable {

    /** What the server remembers about one client. */
    private record LastReply(int seq, String reply) {
    }

    private final DatagramSocket socket;
    private final UnaryOperator<String> handler;
    private final Map<SocketAddress, LastReply> lastReplies = new ConcurrentHashMap<>();
    private final Thread loop;

    /** Binds {@code port} on loopback (0 = any free port) and answers each request with {@code handler}. */
    public AtMostOnceUdpServer(int port, UnaryOperator<String> handler) {
        this.handler = handler;
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind UDP port " + port, e);
        }
        loop = new Thread(this::serve, "udp-server-" + port());
        loop.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            DatagramPacket in = Datagrams.receiveBuffer();
            try {
                socket.receive(in);
            } catch (IOException e) {
                return; // closed by close()
            }
            Datagrams.Message request = Datagrams.decode(in);
            if (request == null) {
                continue; // too short to be ours
            }
            String reply = replyTo(in.getSocketAddress(), request);
            if (reply != null) {
                try {
                    socket.send(Datagrams.packet(request.seq(), reply, in.getSocketAddress()));
                } catch (IOException e) {
                    return; // closed by close()
                }
            }
        }
    }

    /** The reply to send for {@code request} from {@code client}, or {@code null} to send nothing. */
    private String replyTo(SocketAddress client, Datagrams.Message request) {
        // BEGIN SOLUTION
        LastReply last = lastReplies.getOrDefault(client, new LastReply(Integer.MIN_VALUE, null));
        int order = Integer.compare(request.seq(), last.seq());
        if (order < 0) {
            return null; // older than the last one handled
        }
        if (order == 0) {
            return last.reply(); // the same request again
        }
        LastReply handled = new LastReply(request.seq(), handler.apply(request.text()));
        lastReplies.put(client, handled);
        return handled.reply();
        // STARTER
        // return handler.apply(request.text()); // TODO: a retransmitted request is carried out twice
        // END SOLUTION
    }

    @Override
    public void close() {
        socket.close();
        Shutdown.join(loop);
    }
}
