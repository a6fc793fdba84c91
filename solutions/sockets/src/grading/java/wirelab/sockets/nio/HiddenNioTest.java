package wirelab.sockets.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
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
}
