package wirelab.sockets.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Loopback;
import wirelab.testkit.Points;

/** Exercise 1.4: EchoClient, against small servers written right here in the test. */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Part1EchoClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** Accepts one client and answers with {@code behaviour} on a daemon thread. */
    static Thread serveOnce(ServerSocket listener, SocketBehaviour behaviour) {
        Thread t = new Thread(() -> {
            try (Socket s = listener.accept()) {
                behaviour.serve(s);
            } catch (Exception e) {
                // the test is over or the client left
            }
        }, "test-server");
        t.setDaemon(true);
        t.start();
        return t;
    }

    interface SocketBehaviour {
        void serve(Socket s) throws Exception;
    }

    @Test
    @Points(2)
    @DisplayName("1.4 echo(\"Hello, world\") returns \"Hello, world\" from an echo server")
    void test01_roundTrip() throws Exception {
        try (ServerSocket listener = Loopback.serverSocket()) {
            serveOnce(listener, s -> s.getInputStream().transferTo(s.getOutputStream()));
            try (EchoClient client = EchoClient.connect("127.0.0.1", listener.getLocalPort(), TIMEOUT, TIMEOUT)) {
                assertEquals("Hello, world", client.echo("Hello, world"));
                assertEquals("again", client.echo("again"), "the same connection should serve a second echo");
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("1.4 when nothing listens, connect fails with a ConnectException that names host and port")
    void test02_clearErrorWhenNothingListens() {
        int port = Loopback.freePort();
        ConnectException e = assertThrows(ConnectException.class,
                () -> EchoClient.connect("127.0.0.1", port, TIMEOUT, TIMEOUT),
                "connecting to a port where nothing listens should throw ConnectException");
        assertTrue(e.getMessage() != null && e.getMessage().contains("127.0.0.1:" + port),
                "the message should name the address, like \"nothing listens on 127.0.0.1:" + port
                        + "\", but was: " + e.getMessage());
    }

    @Test
    @Points(2)
    @DisplayName("1.4 a server that never answers makes echo() give up after the read timeout")
    void test03_readTimeout() throws Exception {
        try (ServerSocket listener = Loopback.serverSocket()) {
            serveOnce(listener, s -> s.getInputStream().transferTo(OutputStream.nullOutputStream()));
            try (EchoClient client = EchoClient.connect("127.0.0.1", listener.getLocalPort(), TIMEOUT,
                    Duration.ofMillis(300))) {
                long start = System.nanoTime();
                assertThrows(SocketTimeoutException.class, () -> client.echo("anyone there?"),
                        "echo() should throw SocketTimeoutException when no reply comes within the read timeout");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis >= 250 && millis < 3_000,
                        "echo() should give up after about 300 ms (the read timeout), but took " + millis + " ms");
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("1.4 an echo that arrives one byte at a time is still returned whole")
    void test04_readsUntilTheWholeEchoArrived() throws Exception {
        try (ServerSocket listener = Loopback.serverSocket()) {
            serveOnce(listener, s -> {
                s.setTcpNoDelay(true);
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                int b;
                while ((b = in.read()) != -1) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(2); // make the pieces arrive separately
                }
            });
            try (EchoClient client = EchoClient.connect("127.0.0.1", listener.getLocalPort(), TIMEOUT, TIMEOUT)) {
                String message = "a message that arrives in many small pieces";
                assertEquals(message, client.echo(message),
                        "echo() should keep reading until as many bytes came back as were sent");
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("1.4 a server that hangs up in the middle of the echo makes echo() throw an IOException, not return part of it")
    void test05_endOfStreamMidEchoIsAnError() throws Exception {
        try (ServerSocket listener = Loopback.serverSocket()) {
            serveOnce(listener, s -> {
                byte[] request = new byte[12];
                new java.io.DataInputStream(s.getInputStream()).readFully(request);
                s.getOutputStream().write(request, 0, 5); // "Hello", then hang up
                s.getOutputStream().flush();
                s.shutdownOutput();
                s.getInputStream().transferTo(OutputStream.nullOutputStream());
            });
            EchoClient client = EchoClient.connect("127.0.0.1", listener.getLocalPort(), TIMEOUT, Duration.ofSeconds(10));
            FutureTask<String> echo = new FutureTask<>(() -> client.echo("Hello, world"));
            Thread caller = new Thread(echo, "echo-caller");
            caller.setDaemon(true);
            caller.start();
            try {
                String returned = echo.get(3, TimeUnit.SECONDS);
                fail("the server sent 5 of 12 bytes (\"Hello\") and closed the connection: echo() should throw an"
                        + " IOException (e.g. EOFException) saying the echo was cut short, but it returned \""
                        + returned + "\"");
            } catch (ExecutionException e) {
                assertTrue(e.getCause() instanceof java.io.IOException
                                && !(e.getCause() instanceof SocketTimeoutException),
                        "the server closed the connection after 5 of 12 bytes: echo() should throw an IOException"
                                + " such as EOFException at once (read() returned -1), but it threw " + e.getCause());
            } catch (TimeoutException e) {
                fail("the server sent 5 of 12 bytes and closed the connection, but echo() had not returned after 3 s:"
                        + " read() returns -1 at the end of the stream, and a loop that does not stop there runs forever");
            } finally {
                client.close(); // also ends a loop that spins on read() == -1: read() on a closed socket throws
            }
        }
    }
}
