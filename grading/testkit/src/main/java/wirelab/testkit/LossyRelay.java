package wirelab.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UDP relay on loopback that behaves like a bad network: it forwards datagrams between
 * clients and one server, and on the way drops some and duplicates some, and holds some of the
 * copies back until a later datagram has overtaken them (reordering).
 *
 * <pre>{@code
 * try (LossyRelay relay = LossyRelay.start(Loopback.at(server.port()), LossyRelay.Faults.typical(42))) {
 *     client = new MyUdpClient(relay.address());   // talk to the relay, not the server
 *     ...
 *     assertTrue(relay.dropped() > 0);             // the test really met losses
 * }
 * }</pre>
 *
 * <p><b>The same faults every run.</b> What happens to a datagram depends only on the seed, its
 * direction, its bytes and how many identical datagrams the same client exchanged before it (the
 * 1st, 2nd, ... copy of "request #3"), never on the order in which threads happen to run or on
 * how long anything took. A copy held back is let go right after the client's next
 * <em>different</em> datagram (for a request: the client's next request), not after a time. So
 * the server meets the same drops, duplicates and late stale copies in every run, and a wrong
 * server fails (or passes) every run.
 *
 * <p><b>Replies are only dropped.</b> The way back never duplicates or holds a reply, and a reply
 * identical to one already delivered to that client is not delivered again. A client behind the
 * relay therefore never reads a datagram it must ignore: whether a client ignores stale replies,
 * and how it spends the rest of an attempt after one, depends on the moment it reads them, which
 * only a test that controls that moment can check the same way every run (a fake socket).
 *
 * <p>Each client gets its own upstream socket, so the server sees one address per client and the
 * relay knows where to send each reply. Each client meets the same pattern for the same datagrams.
 */
public final class LossyRelay implements AutoCloseable {

    /**
     * How bad the network is: for each datagram from a client, the chance it is dropped; if not,
     * the chance it is duplicated; and for a duplicate, the chance that its second copy is held back
     * until the client's next different datagram has overtaken it (a late, stale copy) instead of
     * following the first at once. Replies are dropped with the same {@code drop}, nothing else.
     */
    public record Faults(long seed, double drop, double duplicate, double delay) {

        public Faults {
            if (drop < 0 || drop >= 1 || duplicate < 0 || duplicate > 1 || delay < 0 || delay > 1) {
                throw new IllegalArgumentException("probabilities must be in [0, 1) for drop and [0, 1] otherwise");
            }
        }

        /** 20 % dropped (each way), 20 % of requests duplicated, half of those copies late: trouble every few requests. */
        public static Faults typical(long seed) {
            return new Faults(seed, 0.20, 0.20, 0.50);
        }

        /** A perfect network, to check a test's plumbing. */
        public static Faults none() {
            return new Faults(0, 0, 0, 0);
        }
    }

    /** What the relay does to one datagram. */
    private record Fate(boolean drop, boolean duplicate, boolean hold) {
    }

    /** What the relay remembers about one client (each map used by one relay thread only). */
    private static final class Peer {
        final Map<String, Integer> requestCopies = new HashMap<>();
        final List<byte[]> held = new ArrayList<>();
        final Map<String, Integer> replyCopies = new HashMap<>();
        final Set<String> delivered = new HashSet<>();
        volatile DatagramSocket upstream;
    }

    private static final int MAX_DATAGRAM = 65_507;

    private final SocketAddress server;
    private final Faults faults;
    private final DatagramSocket front;
    private final Map<SocketAddress, Peer> peers = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger duplicated = new AtomicInteger();
    private final AtomicInteger delayed = new AtomicInteger();

    private LossyRelay(SocketAddress server, Faults faults) {
        this.server = server;
        this.faults = faults;
        this.front = Loopback.datagramSocket();
    }

    /** Starts a relay on an ephemeral loopback port that forwards to {@code server}. */
    public static LossyRelay start(SocketAddress server, Faults faults) {
        LossyRelay relay = new LossyRelay(server, faults);
        relay.spawn("lossy-relay-front", relay::pumpFromClients);
        return relay;
    }

    /** Where clients send their datagrams instead of to the server. */
    public InetSocketAddress address() {
        return Loopback.at(front.getLocalPort());
    }

    public int port() {
        return front.getLocalPort();
    }

    /** Datagrams that reached the relay, both directions. */
    public int received() {
        return received.get();
    }

    public int dropped() {
        return dropped.get();
    }

    public int duplicated() {
        return duplicated.get();
    }

    /** Datagrams held back until a later one from the same client had overtaken them. */
    public int delayed() {
        return delayed.get();
    }

    /** One line for failure messages: what the network did to the test's datagrams. */
    public String summary() {
        return "the relay saw " + received() + " datagrams: dropped " + dropped() + ", duplicated " + duplicated()
                + ", held back until overtaken " + delayed() + " (seed " + faults.seed() + ")";
    }

    private void pumpFromClients() {
        while (!closed) {
            DatagramPacket in = new DatagramPacket(new byte[MAX_DATAGRAM], MAX_DATAGRAM);
            try {
                front.receive(in);
            } catch (IOException e) {
                return;
            }
            SocketAddress client = in.getSocketAddress();
            Peer peer = peers.computeIfAbsent(client, c -> new Peer());
            if (peer.upstream == null) {
                peer.upstream = openUpstream(client, peer);
            }
            if (peer.upstream != null) {
                toServer(peer, copy(in));
            }
        }
    }

    private DatagramSocket openUpstream(SocketAddress client, Peer peer) {
        if (closed) {
            return null;
        }
        DatagramSocket upstream = Loopback.datagramSocket();
        spawn("lossy-relay-back-" + upstream.getLocalPort(), () -> pumpFromServer(upstream, client, peer));
        return upstream;
    }

    private void pumpFromServer(DatagramSocket upstream, SocketAddress client, Peer peer) {
        while (!closed) {
            DatagramPacket in = new DatagramPacket(new byte[MAX_DATAGRAM], MAX_DATAGRAM);
            try {
                upstream.receive(in);
            } catch (IOException e) {
                return;
            }
            toClient(peer, copy(in), client);
        }
    }

    /** A datagram from a client: dropped or forwarded, maybe twice (the second copy maybe late); then the late copies it overtook. */
    private void toServer(Peer peer, byte[] data) {
        received.incrementAndGet();
        String key = key(data);
        int copy = peer.requestCopies.merge(key, 1, Integer::sum) - 1;
        Fate fate = fate(true, data, copy);
        List<byte[]> overtaken = new ArrayList<>();
        for (Iterator<byte[]> it = peer.held.iterator(); it.hasNext(); ) {
            byte[] late = it.next();
            if (!Arrays.equals(late, data)) {
                it.remove();
                overtaken.add(late);
            }
        }
        if (fate.drop()) {
            dropped.incrementAndGet();
        } else {
            send(peer.upstream, data, server);
            if (fate.duplicate()) {
                duplicated.incrementAndGet();
                if (fate.hold()) {
                    delayed.incrementAndGet();
                    peer.held.add(data); // the second copy comes late: after the client's next different datagram
                } else {
                    send(peer.upstream, data, server);
                }
            }
        }
        for (byte[] late : overtaken) {
            send(peer.upstream, late, server); // overtaken by the newer datagram: arrives after it
        }
    }

    /** A reply: dropped, or delivered once (a copy of a reply already delivered is not delivered again). */
    private void toClient(Peer peer, byte[] data, SocketAddress client) {
        received.incrementAndGet();
        String key = key(data);
        int copy = peer.replyCopies.merge(key, 1, Integer::sum) - 1;
        if (peer.delivered.contains(key)) {
            return; // the client has this reply already: it would only have to ignore it
        }
        if (fate(false, data, copy).drop()) {
            dropped.incrementAndGet();
            return;
        }
        peer.delivered.add(key);
        send(front, data, client);
    }

    /** The fate of the {@code copy}-th datagram with these bytes in this direction: a function of the seed only. */
    private Fate fate(boolean toServer, byte[] data, int copy) {
        long h = mix(faults.seed() ^ (toServer ? 0x5EED_0001L : 0x5EED_0002L));
        h = mix(h ^ Arrays.hashCode(data));
        h = mix(h ^ copy);
        SplittableRandom random = new SplittableRandom(h);
        boolean drop = random.nextDouble() < faults.drop();
        boolean duplicate = random.nextDouble() < faults.duplicate();
        boolean hold = random.nextDouble() < faults.delay();
        return new Fate(drop, toServer && duplicate, toServer && duplicate && hold);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String key(byte[] data) {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    private void send(DatagramSocket via, byte[] data, SocketAddress to) {
        try {
            via.send(new DatagramPacket(data, data.length, to));
        } catch (IOException e) {
            // closed, or the receiver is gone: the network loses datagrams anyway
        }
    }

    private static byte[] copy(DatagramPacket p) {
        return Arrays.copyOfRange(p.getData(), p.getOffset(), p.getOffset() + p.getLength());
    }

    private synchronized void spawn(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** Stops relaying (datagrams still held back are lost) and waits (bounded) for the relay's threads to end. */
    @Override
    public void close() {
        closed = true;
        front.close();
        peers.values().forEach(p -> {
            DatagramSocket up = p.upstream;
            if (up != null) {
                up.close();
            }
        });
        List<Thread> all;
        synchronized (this) {
            all = List.copyOf(threads);
        }
        for (Thread t : all) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new IOException("interrupted while closing the relay", e));
            }
        }
    }
}
