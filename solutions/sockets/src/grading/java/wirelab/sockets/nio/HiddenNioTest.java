package wirelab.sockets.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.sockets.Net;
import wirelab.testkit.OpenFiles;
import wirelab.testkit.Points;
import wirelab.testkit.StartGate;

/** Hidden: partial writes, a client that never reads, clients that reset. */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HiddenNioTest {

    @Test
    @Points(2)
    @DisplayName("4 2 MB through the selector server come back complete (writes that take only part of the buffer)")
    void test01_largeEchoWithPartialWrites() throws Exception {
        byte[] data = new byte[2_000_000];
        new Random(3).nextBytes(data);
        try (SelectorEchoServer server = new SelectorEchoServer(0); Socket s = Net.connect(server.port())) {
            OutputStream out = s.getOutputStream();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    out.write(data);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            assertArrayEquals(data, Net.readExactly(s.getInputStream(), data.length, "the 2 MB echo"),
                    "bytes were lost or reordered: a write on a non-blocking channel may take only part of the buffer");
            writer.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Points(2)
    @DisplayName("4 a client that sends a lot but never reads does not stop the server from serving others")
    void test02_greedyClientDoesNotBlockOthers() throws Exception {
        try (SelectorEchoServer server = new SelectorEchoServer(0); Socket greedy = Net.connect(server.port())) {
            Thread flood = new Thread(() -> {
                try {
                    byte[] chunk = new byte[64 * 1024];
                    for (int i = 0; i < 64; i++) {
                        greedy.getOutputStream().write(chunk); // blocks once the buffers are full: fine
                    }
                } catch (Exception e) {
                    // closed at the end of the test
                }
            });
            flood.setDaemon(true);
            flood.start();
            for (int i = 0; i < 5; i++) {
                try (Socket other = Net.connect(server.port())) {
                    Net.send(other, "hello " + i);
                    assertEquals("hello " + i, Net.readExactly(other, 7, "another client's echo while one client floods"));
                }
            }
        }
    }

    @Test
    @Points(1)
    @DisplayName("4 clients that reset their connection do not kill the selector thread")
    void test03_survivesResets() throws Exception {
        try (SelectorEchoServer server = new SelectorEchoServer(0)) {
            for (int i = 0; i < 5; i++) {
                Socket rude = Net.connect(server.port());
                rude.getOutputStream().write(new byte[3000]);
                rude.setSoLinger(true, 0);
                rude.close();
            }
            try (Socket polite = Net.connect(server.port())) {
                Net.send(polite, "alive?");
                assertEquals("alive?", Net.readExactly(polite, 6, "the echo after 5 resets"));
            }
        }
    }

    /**
     * Four clients at once, each echoing 512 KB through a receive buffer of 128 KB and reading only
     * once it has sent everything (or its sending is stuck): the server's writes fill the socket's
     * send buffer and take only part of the bytes, so the OP_WRITE path runs, many times.
     */
    @Test
    @Points(3)
    @DisplayName("4 four clients that read late, 512 KB each: every byte comes back in order (partial writes, OP_WRITE)")
    void test04_slowReadersGetEveryByte() throws Exception {
        int size = 512 * 1024;
        try (SelectorEchoServer server = new SelectorEchoServer(0)) {
            StartGate.run(4, worker -> {
                byte[] data = new byte[size];
                new Random(100 + worker).nextBytes(data);
                try (Socket s = new Socket()) {
                    s.setReceiveBufferSize(64 * 1024); // before connect: the kernel keeps it at 128 KB, never grows it
                    s.setTcpNoDelay(true);
                    s.connect(wirelab.testkit.Loopback.at(server.port()), Net.READ_TIMEOUT_MILLIS);
                    s.setSoTimeout(Net.READ_TIMEOUT_MILLIS);
                    SlowReaders.shrinkServerBuffers(server, s);
                    AtomicLong sent = new AtomicLong();
                    Thread writer = new Thread(() -> {
                        try {
                            OutputStream out = s.getOutputStream();
                            for (int off = 0; off < size; off += 8192) {
                                out.write(data, off, Math.min(8192, size - off));
                                sent.addAndGet(Math.min(8192, size - off));
                            }
                        } catch (Exception e) {
                            // the read below reports it
                        }
                    }, "slow-reader-writer-" + worker);
                    writer.setDaemon(true);
                    writer.start();
                    SlowReaders.awaitAllSentOrStuck(sent, size, writer);
                    assertArrayEquals(data, Net.readExactly(s.getInputStream(), size, "client " + worker + "'s 512 KB echo"),
                            "client " + worker + " got bytes that are not its own echo, or not in order: when write()"
                                    + " takes only part of the buffer, keep the rest (compact(), not clear()) in this"
                                    + " client's own buffer and wait for OP_WRITE");
                    writer.join(5_000);
                }
            });
        }
    }

    @Test
    @Points(2)
    @DisplayName("4 the server closes the channel of every client that leaves (end of stream or reset), and close() closes the rest")
    void test05_closesTheChannelsOfClientsThatLeave() throws Exception {
        OpenFiles.Snapshot beforeServer = OpenFiles.now();
        SelectorEchoServer server = new SelectorEchoServer(0);
        try (Socket warmUp = Net.connect(server.port())) {
            Net.send(warmUp, "w");
            Net.readExactly(warmUp, 1, "the echo");
        }
        try {
            OpenFiles.assertClosedByTheCode("the selector server for 6 clients that left (3 closed, 3 reset):"
                    + " cancelling the key is not enough, close the channel too", () -> {
                for (int i = 0; i < 6; i++) {
                    Socket leaving = Net.connect(server.port());
                    Net.send(leaving, "bye" + i);
                    Net.readExactly(leaving, 4, "the echo");
                    if (i % 2 == 1) {
                        leaving.setSoLinger(true, 0); // a reset
                    }
                    leaving.close();
                }
            });
        } finally {
            server.close();
        }
        OpenFiles.assertClosedSince(beforeServer, "the selector server's close() (server channel, selector, clients)");
    }

    /**
     * The client sends in small pieces without reading, each piece once the server has read the one
     * before, until the server has read everything but could not write all of its echo: the rest
     * waits in the server's buffer and no more bytes will come. Only then does the client read. A
     * server that waits for OP_WRITE sends the rest as the client reads; one that stays on OP_READ
     * would send it only with the client's next bytes, which never come. The kernel's queues
     * (TcpQueues) tell where the bytes are; without them the test only checks one piece's echo.
     */
    @Test
    @Points(1)
    @DisplayName("4 the rest of a partial write goes out when the client reads, also when the client sends nothing more (wait for OP_WRITE, not for the next read)")
    void test06_restOfAPartialWriteWithoutMoreInput() throws Exception {
        int piece = 1024;
        byte[] data = new byte[1 << 20];
        new Random(6).nextBytes(data);
        try (SelectorEchoServer server = new SelectorEchoServer(0); Socket s = new Socket()) {
            s.setReceiveBufferSize(4096); // before connect: the kernel keeps it small
            s.setTcpNoDelay(true);
            s.connect(wirelab.testkit.Loopback.at(server.port()), Net.READ_TIMEOUT_MILLIS);
            s.setSoTimeout(Net.READ_TIMEOUT_MILLIS);
            java.nio.channels.SocketChannel serverEnd = SlowReaders.shrinkServerBuffers(server, s);
            if (serverEnd != null) {
                serverEnd.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 4096); // fewer pieces fill the way back
            }
            Connection c = new Connection(s, serverEnd, server.port());
            OutputStream out = s.getOutputStream();
            int sent = 0;
            long held = 0;
            while (held == 0 && sent + piece <= data.length && TcpQueues.available()) {
                out.write(data, sent, piece);
                sent += piece;
                held = c.heldByTheServer(sent);
            }
            assertArrayEquals(java.util.Arrays.copyOf(data, sent), Net.readExactly(s.getInputStream(), sent,
                    "the echo of " + sent + " bytes, " + held + " of which waited in the server after it had read them"
                    + " all (the client sent nothing more)"), "the echo came back wrong: bytes lost or out of order");
        }
    }

    /** The test's client socket and, when the test could find it, the server's socket for it. */
    private record Connection(Socket client, java.nio.channels.SocketChannel server, int serverPort) {

        /**
         * Once the server has read all {@code sent} bytes: how many it holds unwritten (0: it wrote them
         * all, send the next piece; -1: the kernel does not list the connection; -2: the server stopped
         * reading, as one that holds a rest and waits for OP_WRITE does). A count that is not 0 must stay
         * for 100 ms, so a server between its read and its write is not taken for one that holds a rest.
         */
        long heldByTheServer(long sent) {
            long[] held = {0};
            java.util.function.BooleanSupplier settled = () -> {
                acknowledge(); // a delayed ACK would count delivered bytes twice: in one queue and in the other
                TcpQueues.Queues[] ends = TcpQueues.of(client.getLocalPort(), serverPort);
                if (ends == null) {
                    held[0] = -1; // not listed: the test then checks one piece's echo
                    return true;
                }
                if (ends[0].unsent() > 0 || ends[1].unread() > 0) {
                    return false; // the server has not read everything yet
                }
                held[0] = sent - ends[1].unsent() - ends[0].unread();
                return true;
            };
            try {
                wirelab.testkit.Waits.await("the server to read the client's bytes", Duration.ofSeconds(1))
                        .until(settled::getAsBoolean);
            } catch (org.awaitility.core.ConditionTimeoutException stopped) {
                return -2;
            }
            if (held[0] == -1 || held[0] == 0) {
                return held[0];
            }
            if (held[0] < 0) {
                return 0; // delivered bytes counted twice (an ACK still held back): send the next piece
            }
            long first = held[0];
            try {
                wirelab.testkit.Waits.await("the server's rest to stay", Duration.ofSeconds(2))
                        .during(Duration.ofMillis(100)).until(() -> settled.getAsBoolean() && held[0] == first);
            } catch (org.awaitility.core.ConditionTimeoutException moved) {
                return 0; // it was still writing: send the next piece
            }
            return first;
        }

        /** Sends the ACKs both sides may be holding back (Linux's TCP_QUICKACK), where the JDK can. */
        private void acknowledge() {
            try {
                client.setOption(jdk.net.ExtendedSocketOptions.TCP_QUICKACK, true);
                if (server != null) {
                    server.setOption(jdk.net.ExtendedSocketOptions.TCP_QUICKACK, true);
                }
            } catch (java.io.IOException | UnsupportedOperationException e) {
                // the queues may then count a few bytes twice: the test sends more pieces
            }
        }
    }
}
