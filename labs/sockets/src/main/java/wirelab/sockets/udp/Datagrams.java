package wirelab.sockets.udp;

import java.net.DatagramPacket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The lab's datagram format: a 4-byte big-endian sequence number, then UTF-8 text.
 * A reply carries the sequence number of the request it answers; that is how a client tells
 * the reply it waits for from a late duplicate of an older one.
 */
public final class Datagrams {

    /** Largest datagram either side sends or expects; loopback carries it in one piece. */
    public static final int MAX_DATAGRAM = 1400;

    private Datagrams() {
    }

    /** One decoded datagram. */
    public record Message(int seq, String text) {
    }

    public static DatagramPacket packet(int seq, String text, SocketAddress to) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (body.length + 4 > MAX_DATAGRAM) {
            throw new IllegalArgumentException("message too large for one datagram: " + body.length + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate(4 + body.length).putInt(seq).put(body);
        return new DatagramPacket(buffer.array(), buffer.capacity(), to);
    }

    /** The message in {@code packet}, or {@code null} when it is too short to carry a sequence number. */
    public static Message decode(DatagramPacket packet) {
        if (packet.getLength() < 4) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(packet.getData(), packet.getOffset(), packet.getLength());
        int seq = buffer.getInt();
        String text = new String(packet.getData(), packet.getOffset() + 4, packet.getLength() - 4,
                StandardCharsets.UTF_8);
        return new Message(seq, text);
    }

    /** A fresh buffer to receive one datagram into. */
    public static DatagramPacket receiveBuffer() {
        return new DatagramPacket(new byte[MAX_DATAGRAM], MAX_DATAGRAM);
    }
}
