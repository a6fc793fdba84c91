package wirelab.sockets.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.sockets.Net;
import wirelab.testkit.Points;

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
}
