package wirelab.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UDP relay on loopback that behaves like a bad network: it forwards datagrams between
 * clients and one server, and on the way drops some, duplicates some and delays some (so later
 * ones overtake them: reordering). Every decision comes from a {@link Random} with a fixed seed,
 * so a run's pattern of losses is repeatable enough to debug.
 *
 * <pre>{@code
 * try (LossyRelay relay = LossyRelay.start(Loopback.at(server.port()), LossyRelay.Faults.typical(42))) {
 *     client = new MyUdpClient(relay.address());   // talk to the relay, not the server
 *     ...
 *     assertTrue(relay.dropped() > 0);             // the test really met losses
 * }
 * }</pre>
 *
 * Each client gets its own upstream socket, so the server sees one address per client and the
 * relay knows where to send each reply.
 */
public final class LossyRelay implements AutoCloseable {

    /**
     * How bad the network is: probabilities per datagram (each direction) and the longest delay.
     * Drop is decided first; a datagram that survives may be duplicated and each copy may be delayed.
     */
    public record Faults(long seed, double drop, double duplicate, double delay, int maxDelayMillis) {

        public Faults {
            if (drop < 0 || drop >= 1 || duplicate < 0 || duplicate > 1 || delay < 0 || delay > 1 || maxDelayMillis < 0) {
                throw new IllegalArgumentException("probabilities must be in [0, 1) for drop and [0, 1] otherwise");
            }
        }

        /** 20 % dropped, 15 % duplicated, 20 % delayed up to 30 ms: every request meets trouble soon. */
        public static Faults typical(long seed) {
            return new Faults(seed, 0.20, 0.15, 0.20, 30);
        }

        /** A perfect network, to check a test's plumbing. */
        public static Faults none() {
            return new Faults(0, 0, 0, 0, 0);
        }
    }

    private static final int MAX_DATAGRAM = 65_507;

    private final SocketAddress server;
    private final Faults faults;
    private final Random random;
    private final DatagramSocket front;
    private final Map<SocketAddress, DatagramSocket> upstreams = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ScheduledExecutorService delayer;
    private volatile boolean closed;

    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicInteger duplicated = new AtomicInteger();
    private final AtomicInteger delayed = new AtomicInteger();

    private LossyRelay(SocketAddress server, Faults faults) {
        this.server = server;
        this.faults = faults;
        this.random = new Random(faults.seed());
        this.front = Loopback.datagramSocket();
        this.delayer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lossy-relay-delay");
            t.setDaemon(true);
            return t;
        });
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

    public int delayed() {
        return delayed.get();
    }

    /** One line for failure messages: what the network did to the test's datagrams. */
    public String summary() {
        return "the relay saw " + received() + " datagrams: dropped " + dropped() + ", duplicated " + duplicated()
                + ", delayed " + delayed() + " (seed " + faults.seed() + ")";
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
            DatagramSocket upstream = upstreams.computeIfAbsent(client, this::openUpstream);
            if (upstream != null) {
                forward(upstream, copy(in), server);
            }
        }
    }

    private DatagramSocket openUpstream(SocketAddress client) {
        if (closed) {
            return null;
        }
        DatagramSocket upstream = Loopback.datagramSocket();
        spawn("lossy-relay-back-" + upstream.getLocalPort(), () -> pumpFromServer(upstream, client));
        return upstream;
    }

    private void pumpFromServer(DatagramSocket upstream, SocketAddress client) {
        while (!closed) {
            DatagramPacket in = new DatagramPacket(new byte[MAX_DATAGRAM], MAX_DATAGRAM);
            try {
                upstream.receive(in);
            } catch (IOException e) {
                return;
            }
            forward(front, copy(in), client);
        }
    }

    private void forward(DatagramSocket via, byte[] data, SocketAddress to) {
        received.incrementAndGet();
        boolean drop;
        boolean duplicate;
        int[] delays = new int[2];
        synchronized (random) {
            drop = random.nextDouble() < faults.drop();
            duplicate = random.nextDouble() < faults.duplicate();
            for (int i = 0; i < 2; i++) {
                delays[i] = random.nextDouble() < faults.delay() ? 1 + random.nextInt(Math.max(1, faults.maxDelayMillis())) : 0;
            }
        }
        if (drop) {
            dropped.incrementAndGet();
            return;
        }
        int copies = duplicate ? 2 : 1;
        if (duplicate) {
            duplicated.incrementAndGet();
        }
        for (int i = 0; i < copies; i++) {
            if (delays[i] > 0) {
                delayed.incrementAndGet();
                try {
                    delayer.schedule(() -> send(via, data, to), delays[i], TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    return; // closing
                }
            } else {
                send(via, data, to);
            }
        }
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

    /** Stops relaying and waits (bounded) for the relay's threads to end. */
    @Override
    public void close() {
        closed = true;
        front.close();
        upstreams.values().forEach(DatagramSocket::close);
        delayer.shutdownNow();
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
        try {
            delayer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
