package wirelab.sockets.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.sockets.Net;
import wirelab.testkit.Loopback;
import wirelab.testkit.OpenFiles;
import wirelab.testkit.Points;

/** Exercises 1.1 and 1.2: Echo.serve and ThreadPerConnectionEchoServer. */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Part1EchoServerTest {

    @Test
    @Points(3)
    @DisplayName("1.1 the echo server sends \"Hello, world\" back, like the lecture's Python pair")
    void test01_echoesHelloWorld() throws Exception {
        try (EchoServer server = new ThreadPerConnectionEchoServer(0); Socket client = Net.connect(server.port())) {
            Net.send(client, "Hello, world");
            assertEquals("Hello, world", Net.readExactly(client, 12, "the echo"),
                    "the server should send back exactly the bytes it received");
        }
    }

    @Test
    @Points(1)
    @DisplayName("1.2 started on port 0, the server reports the real port it listens on")
    void test02_reportsTheBoundPort() throws Exception {
        try (EchoServer server = new ThreadPerConnectionEchoServer(0)) {
            assertNotEquals(0, server.port(), "port() should return the port the OS picked, not 0");
            try (Socket client = Net.connect(server.port())) {
                Net.send(client, "ping");
                assertEquals("ping", Net.readExactly(client, 4, "the echo"));
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("1.1 100 KB sent in one go come back complete and in order (read and write in a loop)")
    void test03_echoesALongStream() throws Exception {
        byte[] data = new byte[100_000];
        new Random(1).nextBytes(data);
        try (EchoServer server = new ThreadPerConnectionEchoServer(0); Socket client = Net.connect(server.port())) {
            OutputStream out = client.getOutputStream();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    out.write(data);
                    out.flush();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            byte[] echoed = Net.readExactly(client.getInputStream(), data.length, "the 100 KB echo");
            writer.get(5, TimeUnit.SECONDS);
            assertArrayEquals(data, echoed, "the echo should equal what was sent, byte for byte");
        }
    }

    @Test
    @Points(3)
    @DisplayName("1.2 a second client is answered while the first one is still connected")
    void test04_servesTwoClientsAtOnce() throws Exception {
        try (EchoServer server = new ThreadPerConnectionEchoServer(0);
             Socket first = Net.connect(server.port());
             Socket second = Net.connect(server.port())) {
            Net.send(first, "first");
            assertEquals("first", Net.readExactly(first, 5, "the first client's echo"));
            // the first client stays connected and silent: a one-client-at-a-time server is now stuck on it
            Net.send(second, "second");
            assertEquals("second", Net.readExactly(second, 6,
                    "the second client's echo (is the server still busy with the first client?)"));
        }
    }

    @Test
    @Points(1)
    @DisplayName("1.1 when a client closes, Echo.serve closes the server's side too (the client reads end-of-stream)")
    void test05_closesWhenTheClientCloses() throws Exception {
        // the test holds the accepted socket until the end: an abandoned socket is closed by the JDK
        // only when a garbage collection happens to find it, which must not decide this test
        try (ServerSocket listener = Loopback.serverSocket(); Socket client = Net.connect(listener.getLocalPort());
             Socket accepted = listener.accept()) {
            Thread serving = new Thread(() -> Echo.serve(accepted), "Echo.serve");
            serving.start();
            Net.send(client, "bye");
            assertEquals("bye", Net.readExactly(client, 3, "the echo"));
            client.shutdownOutput(); // the client is done: read() on the server's side now returns -1
            serving.join(Net.READ_TIMEOUT_MILLIS);
            assertFalse(serving.isAlive(), "Echo.serve still runs " + Net.READ_TIMEOUT_MILLIS + " ms after the client"
                    + " closed its side: once read() returns -1 there is nothing more to echo; stop and close the socket");
            assertTrue(accepted.isClosed(), "Echo.serve returned but left the client's socket open: the client"
                    + " waits for the end of the stream until the server closes its side; close the socket once"
                    + " read() returns -1");
            assertEquals(-1, client.getInputStream().read(), "after the client shut down its output, the server should"
                    + " close the connection");
        }
    }

    @Test
    @Points(3)
    @DisplayName("1.2 close() stops the server: no thread left behind, connected clients see the connection end")
    void test06_closeLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = Net.threadsNow();
        OpenFiles.Snapshot socketsBefore = OpenFiles.now();
        EchoServer server = new ThreadPerConnectionEchoServer(0);
        Socket[] clients = new Socket[3];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = Net.connect(server.port());
            Net.send(clients[i], "hi" + i);
            Net.readExactly(clients[i], 3, "the echo of client " + i);
        }
        server.close();
        for (int i = 0; i < clients.length; i++) {
            assertTrue(Net.closedByPeer(clients[i]), "client " + i + " should see its connection end when the server closes");
            clients[i].close();
        }
        Net.assertNoThreadLeftBehind(before, "the echo server");
        OpenFiles.assertClosedSince(socketsBefore, "the echo server (listening socket and client sockets)");
    }

    @Test
    @Points(2)
    @DisplayName("1.1 a client that resets its connection mid-message: the server closes its socket too (no socket leaks)")
    void test07_closesTheSocketOfAClientThatResets() throws Exception {
        try (EchoServer server = new ThreadPerConnectionEchoServer(0)) {
            try (Socket warmUp = Net.connect(server.port())) { // the server is up and its first thread ran
                Net.send(warmUp, "up?");
                Net.readExactly(warmUp, 3, "the echo");
            }
            OpenFiles.assertClosedByTheCode("the server for 3 clients that reset their connections"
                    + " (read() throws an IOException: close the client's socket then too, e.g. try-with-resources)", () -> {
                for (int i = 0; i < 3; i++) {
                    Socket rude = Net.connect(server.port());
                    Net.send(rude, "half a mess");
                    Net.readExactly(rude, 11, "the echo");
                    rude.setSoLinger(true, 0); // close() now sends a reset (RST) instead of a polite end (FIN)
                    rude.close();
                }
            });
        }
    }
}
