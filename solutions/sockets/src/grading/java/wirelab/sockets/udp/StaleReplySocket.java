package wirelab.sockets.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link DatagramSocket} with no network behind it, for {@code HiddenUdpTest} test07: it plays a
 * server that never answers, but sends one <b>stale reply</b> (another sequence number) into every
 * attempt, and writes down what the client did with the rest of the attempt.
 * <ul>
 *   <li>{@code send()} starts an attempt.</li>
 *   <li>The attempt's first {@code receive()} returns the stale reply after {@code staleAfter}
 *       (when the socket timeout allows that long; else it times out as below).</li>
 *   <li>Every other {@code receive()} waits for the socket timeout, then throws
 *       SocketTimeoutException, as a real socket does when nothing comes; with timeout 0 (wait for
 *       ever) nothing would ever come, so it fails the test instead of hanging.</li>
 *   <li>{@code setSoTimeout} refuses a negative timeout with IllegalArgumentException, as every
 *       DatagramSocket does.</li>
 * </ul>
 * The verdict does not depend on how fast the machine is: the stale reply is read at least
 * {@code staleAfter} into the attempt, so a client that waits only for what is left sets at most
 * {@code timeout - staleAfter} (however late its thread runs), and one that starts the timeout
 * again sets the whole timeout. An attempt counts as cut short only when the client sent again (or
 * gave up) right after the stale reply <em>and</em> more than 20 ms before {@code timeout} had passed since the send:
 * a right client, even one whose thread (or this socket's) ran late, never does both.
 * Only the client's thread uses it.
 */
final class StaleReplySocket extends FakeClientSocket {

    /** How much earlier than its timeout an attempt may end and still count as lasting its timeout. */
    private static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final long timeoutNanos;
    private final long staleAfterNanos;
    private final List<String> mistakes = new ArrayList<>();
    private int sends;
    private int receivesThisAttempt;
    private boolean staleReadThisAttempt;
    private long attemptStart;
    private Datagrams.Message lastSent;
    private SocketAddress server;

    /** For a client whose attempts last {@code timeout}; the stale reply comes {@code staleAfter} into each. */
    StaleReplySocket(Duration timeout, Duration staleAfter) throws SocketException {
        this.timeoutNanos = timeout.toNanos();
        this.staleAfterNanos = staleAfter.toNanos();
    }

    /** How often the request was sent. */
    int sends() {
        return sends;
    }

    /** What the client did wrong with the time after a stale reply, one sentence each (empty: nothing). */
    List<String> mistakes() {
        return mistakes;
    }

    /** Call when request() has returned or thrown: checks the last attempt like the others. */
    void requestEnded() {
        endAttempt();
    }

    @Override
    public void send(DatagramPacket p) throws IOException {
        Datagrams.Message m = Datagrams.decode(p);
        if (m == null) {
            throw new AssertionError("request() sent a datagram of " + p.getLength() + " bytes: too short for a sequence number");
        }
        if (sends > 0) {
            endAttempt();
        }
        attemptStart = System.nanoTime(); // before request() can take the time its deadline counts from
        sends++;
        lastSent = m;
        server = p.getSocketAddress();
        receivesThisAttempt = 0;
        staleReadThisAttempt = false;
    }

    private void endAttempt() {
        // ended after the stale reply without waiting on, and well before the attempt's time was up: the deadline
        // request() counts from is at least attemptStart + timeout (a right client ends at most 1 ms before it,
        // a clock in whole ms adds 1 more), so a thread that ran late cannot cause this
        if (staleReadThisAttempt && receivesThisAttempt == 1
                && System.nanoTime() - attemptStart < timeoutNanos - SLACK_NANOS) {
            mistakes.add("attempt " + sends + " ended at the stale reply that came " + millis(staleAfterNanos)
                    + " ms after its send: request() sent again (or gave up) without waiting for the "
                    + millis(timeoutNanos - staleAfterNanos) + " ms left of the attempt; a reply with another number"
                    + " must be ignored, not end the attempt");
        }
    }

    @Override
    public void receive(DatagramPacket p) throws IOException {
        receivesThisAttempt++;
        if (staleReadThisAttempt && timeoutMillis > 0) {
            long left = TimeUnit.NANOSECONDS.toMillis(timeoutNanos - staleAfterNanos);
            if (timeoutMillis > left + 1) {
                mistakes.add("after the stale reply that came " + millis(staleAfterNanos) + " ms into attempt " + sends
                        + ", request() waited again with a socket timeout of " + timeoutMillis + " ms, so the attempt"
                        + " would last " + (millis(staleAfterNanos) + timeoutMillis) + " ms instead of "
                        + millis(timeoutNanos) + ": give receive() only what is left of the attempt (at most " + left
                        + " ms here)");
            }
        }
        if (receivesThisAttempt == 1 && lastSent != null && TimeUnit.MILLISECONDS.toNanos(timeoutMillis) >= staleAfterNanos) {
            sleepAtLeast(staleAfterNanos);
            staleReadThisAttempt = true;
            deliver(Datagrams.packet(lastSent.seq() + 1000, "stale", server), p);
            return;
        }
        nothingComes(); // also with timeout 0: the stale reply needs a timeout of at least staleAfter
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
