package wirelab.sockets.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link DatagramSocket} with no network behind it, for {@code HiddenUdpTest}: it plays a server
 * and a thread that is scheduled late, so a test can choose what a real socket only does under load.
 * <ul>
 *   <li>The first request it is sent gets a <b>stale reply</b> (the sequence number before), which the
 *       client's next {@code receive()} returns only after the whole socket timeout <b>and</b> {@code late}
 *       more have passed: the datagram came in time, but the thread woke up late.</li>
 *   <li>Every later send (a retransmission or another request) gets its right reply at once.</li>
 *   <li>A {@code receive()} with nothing to deliver waits for the socket timeout, then throws
 *       SocketTimeoutException, as a real socket does; with timeout 0 (wait for ever) nothing would
 *       ever come, so it fails the test instead of hanging.</li>
 *   <li>{@code setSoTimeout} refuses a negative timeout with IllegalArgumentException, as every
 *       DatagramSocket does.</li>
 * </ul>
 * Only the client's thread uses it.
 */
final class LateWakeSocket extends FakeClientSocket {

    private final long lateNanos;
    private final Deque<DatagramPacket> ready = new ArrayDeque<>();
    private final List<Datagrams.Message> sent = new ArrayList<>();
    private DatagramPacket lateStale;

    LateWakeSocket(Duration late) throws SocketException {
        this.lateNanos = late.toNanos();
    }

    /** The requests sent through this socket, in order. */
    List<Datagrams.Message> sent() {
        return sent;
    }

    @Override
    public void send(DatagramPacket p) throws IOException {
        Datagrams.Message m = Datagrams.decode(p);
        if (m == null) {
            throw new AssertionError("request() sent a datagram of " + p.getLength() + " bytes: too short for a sequence number");
        }
        sent.add(m);
        if (sent.size() == 1) {
            lateStale = Datagrams.packet(m.seq() - 1, "stale", p.getSocketAddress());
        } else {
            ready.add(Datagrams.packet(m.seq(), "fresh " + m.text(), p.getSocketAddress()));
        }
    }

    @Override
    public void receive(DatagramPacket p) throws IOException {
        DatagramPacket next = ready.poll();
        if (next == null && lateStale != null) {
            // the stale reply arrived just before the time was up, but the thread runs again only `late` after it
            sleepAtLeast(TimeUnit.MILLISECONDS.toNanos(timeoutMillis) + lateNanos);
            next = lateStale;
            lateStale = null;
        }
        if (next == null) {
            nothingComes();
        }
        deliver(next, p);
    }

}
