package wirelab.sockets.udp;

import java.lang.reflect.Field;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * What the hidden tests' fake sockets share: an unbound DatagramSocket that takes the place of
 * the one a {@link ReliableUdpClient} opened, and remembers the client's socket timeout (a
 * negative one is refused, as every DatagramSocket does). Subclasses play the network in
 * {@code send} and {@code receive}. Only the client's thread uses one.
 */
abstract class FakeClientSocket extends DatagramSocket {

    /** The timeout the client last set, in ms (0: wait forever). */
    protected int timeoutMillis;

    FakeClientSocket() throws SocketException {
        super((SocketAddress) null); // unbound: nothing reaches it, nothing leaves it
    }

    /** Puts this socket in {@code client} in place of the one its constructor opened (which is closed). */
    void installIn(ReliableUdpClient client) throws ReflectiveOperationException {
        for (Field f : ReliableUdpClient.class.getDeclaredFields()) {
            if (f.getType() == DatagramSocket.class) {
                f.setAccessible(true);
                ((DatagramSocket) f.get(client)).close();
                f.set(client, this);
                return;
            }
        }
        throw new AssertionError("ReliableUdpClient should keep the DatagramSocket its constructor opens in a field");
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout < 0");
        }
        super.setSoTimeout(timeout);
        timeoutMillis = timeout;
    }

    @Override
    public int getSoTimeout() {
        return timeoutMillis;
    }

    /**
     * What a real socket does when nothing comes: waits for the timeout, then throws. With timeout 0
     * (wait for ever) nothing would ever come, so it fails the test instead of hanging.
     */
    void nothingComes() throws SocketTimeoutException {
        if (timeoutMillis == 0) {
            throw new AssertionError("request() called receive() without a time limit (setSoTimeout(0) waits for ever)"
                    + " when no reply was coming: it would never return");
        }
        sleepAtLeast(TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
        throw new SocketTimeoutException("Receive timed out");
    }

    /** Hands {@code datagram} to the client's {@code receive(into)}, as a real socket fills its packet. */
    static void deliver(DatagramPacket datagram, DatagramPacket into) {
        int n = Math.min(datagram.getLength(), into.getLength());
        System.arraycopy(datagram.getData(), datagram.getOffset(), into.getData(), into.getOffset(), n);
        into.setLength(n);
        into.setSocketAddress(datagram.getSocketAddress());
    }

    /** Sleeps at least {@code nanos} (a sleep may end early); returns early only when interrupted, flag kept. */
    static void sleepAtLeast(long nanos) {
        long until = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = until - System.nanoTime()) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
