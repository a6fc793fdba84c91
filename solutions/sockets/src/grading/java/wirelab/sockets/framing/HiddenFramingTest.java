package wirelab.sockets.framing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wirelab.sockets.Net.concat;
import static wirelab.sockets.Net.oneByteAtATime;
import static wirelab.sockets.Net.utf8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.sockets.Net;
import wirelab.testkit.Interleaving;
import wirelab.testkit.Points;

/** Hidden: malformed input and partial delivery for both framings and the key-value server. */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HiddenFramingTest {

    private final Framing length = new LengthPrefixFraming();
    private final Framing lines = new LineFraming();

    @Test
    @Points(1)
    @DisplayName("2.1 a header of FF FF FF FF (a length of 4 GB, or -1 if read as signed) is refused")
    void test01_hugeOrNegativeLength() {
        InputStream in = new ByteArrayInputStream(new byte[] {-1, -1, -1, -1, 1, 2, 3});
        assertThrows(MalformedFrameException.class, () -> length.read(in),
                "FF FF FF FF is 4294967295 unsigned (or -1 signed): either way not a valid length");
        InputStream in2 = new ByteArrayInputStream(new byte[] {0x7F, -1, -1, -1});
        assertThrows(MalformedFrameException.class, () -> length.read(in2),
                "a 2 GB length must be refused before allocating 2 GB");
        InputStream in3 = new ByteArrayInputStream(new byte[] {0x01, 0, 0, 5, 'h', 'e', 'l', 'l', 'o'});
        assertThrows(MalformedFrameException.class, () -> length.read(in3),
                "01 00 00 05 is a length of 16 777 221 bytes, over MAX_PAYLOAD, and should be refused: every bit of the"
                        + " first header byte counts too (was the frame read as 5 bytes?)");
    }

    @Test
    @Points(1)
    @DisplayName("2.1 exactly MAX_PAYLOAD bytes is accepted, and lengths that use every bit of the header (255, 256, 257, 300, 1000, 65535); writing MAX_PAYLOAD + 1 is refused")
    void test02_limitIsInclusive() throws Exception {
        for (int n : new int[] {255, 256, 257, 300, 1000, 65535}) {
            String message = "x".repeat(n);
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            length.write(frame, message);
            assertEquals(n, length.read(new ByteArrayInputStream(frame.toByteArray())).length(),
                    "a frame of " + n + " bytes (header " + String.format("%08X", n) + ") should be read back whole:"
                            + " each of the 4 header bytes counts, with all of its 8 bits");
        }
        String max = "a".repeat(LengthPrefixFraming.MAX_PAYLOAD);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        length.write(out, max);
        assertEquals(max, length.read(new ByteArrayInputStream(out.toByteArray())));
        assertThrows(IllegalArgumentException.class, () -> length.write(new ByteArrayOutputStream(), max + "a"),
                "write() should refuse a message the other side would refuse to read");
    }

    @Test
    @Points(1)
    @DisplayName("2.1 a stream that ends inside the 4-byte header is a MalformedFrameException")
    void test03_truncatedHeader() {
        assertThrows(MalformedFrameException.class, () -> length.read(new ByteArrayInputStream(new byte[] {0, 0})),
                "2 of 4 header bytes then end of stream: truncated frame");
        assertThrows(MalformedFrameException.class, () -> length.read(new ByteArrayInputStream(new byte[] {0})),
                "1 of 4 header bytes then end of stream: truncated frame");
        assertThrows(MalformedFrameException.class, () -> length.read(new ByteArrayInputStream(new byte[] {0, 0, 0})),
                "3 of 4 header bytes then end of stream is a truncated frame, not an empty message: all 4 bytes must arrive");
    }

    @Test
    @Points(1)
    @DisplayName("2.1 a frame whose payload is not valid UTF-8 is refused")
    void test04_lengthPrefixInvalidUtf8() {
        InputStream in = new ByteArrayInputStream(concat(Frames.header(2), new byte[] {(byte) 0xFF, (byte) 0xFE}));
        assertThrows(MalformedFrameException.class, () -> length.read(in));
    }

    @Test
    @Points(1)
    @DisplayName("2.1 a 20 000-byte frame delivered one byte at a time arrives whole")
    void test05_largeFrameOneByteAtATime() throws Exception {
        String big = "0123456789".repeat(2_000);
        InputStream in = oneByteAtATime(Frames.lengthFrame(big));
        assertEquals(big, length.read(in));
        assertNull(length.read(in));
    }

    @Test
    @Points(1)
    @DisplayName("2.2 a line longer than MAX_LINE is refused; a line of exactly MAX_LINE is read")
    void test06_lineLimit() throws Exception {
        String max = "b".repeat(LineFraming.MAX_LINE);
        assertEquals(max, lines.read(new ByteArrayInputStream(utf8(max + "\r\n"))));
        assertThrows(MalformedFrameException.class,
                () -> lines.read(new ByteArrayInputStream(utf8(max + "bb\n"))),
                "a line over MAX_LINE bytes should be refused");
        assertThrows(MalformedFrameException.class,
                () -> lines.read(new ByteArrayInputStream(utf8(max + "b\n"))),
                "a line of MAX_LINE + 1 bytes (without \\r) is one byte over the limit and should be refused");
        assertThrows(MalformedFrameException.class,
                () -> lines.read(new ByteArrayInputStream(utf8("c".repeat(1_000_000)))),
                "a megabyte without a line end must be refused, not buffered");
    }

    @Test
    @Points(1)
    @DisplayName("2.2 a last line without \\n is truncated (MalformedFrameException); writing a message with \\n, or over MAX_LINE, is refused")
    void test07_lineTruncatedAndNewlineInMessage() {
        assertThrows(MalformedFrameException.class, () -> {
            InputStream in = new ByteArrayInputStream(utf8("complete\nincomplete"));
            assertEquals("complete", lines.read(in));
            lines.read(in);
        });
        assertThrows(IllegalArgumentException.class, () -> lines.write(new ByteArrayOutputStream(), "two\nlines"),
                "a message containing \\n would arrive as two messages: write() should refuse it");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThrows(IllegalArgumentException.class, () -> lines.write(out, "d".repeat(LineFraming.MAX_LINE + 1)),
                "write() should refuse a line the other side would refuse to read (over MAX_LINE bytes)");
        assertEquals(0, out.size(), "write() refused a line over MAX_LINE but had already sent " + out.size()
                + " bytes of it: check the length before writing anything, or the other side reads half a message");
        assertThrows(IllegalArgumentException.class, () -> lines.write(new ByteArrayOutputStream(), "\nat the start"),
                "a message that starts with \\n would arrive as an empty message and another: write() should refuse it");
        ByteArrayOutputStream max = new ByteArrayOutputStream();
        assertDoesNotThrow(() -> lines.write(max, "e".repeat(LineFraming.MAX_LINE)),
                "a message of exactly MAX_LINE bytes is within the limit: write() should send it");
        assertEquals(LineFraming.MAX_LINE + 1, max.size(), "MAX_LINE bytes and the \\n");
    }

    @Test
    @Points(2)
    @DisplayName("2.4 requests that reach the server in pieces (half a frame, then one byte at a time) are answered once whole")
    void test08_serverReadsFramesInPieces() throws Exception {
        try (KeyValueServer server = new KeyValueServer(0, new LengthPrefixFraming());
             Socket client = Net.connect(server.port())) {
            OutputStream out = client.getOutputStream();
            byte[] frame = Frames.lengthFrame("PUT slow yes");
            out.write(frame, 0, 10); // the header and "PUT sl"
            out.flush();
            client.setSoTimeout(300);
            assertThrows(java.net.SocketTimeoutException.class, () -> client.getInputStream().read(),
                    "the server answered half a frame: it should keep reading until all 12 announced bytes are there");
            client.setSoTimeout(Net.READ_TIMEOUT_MILLIS);
            out.write(frame, 10, frame.length - 10);
            out.flush();
            assertEquals("OK", Frames.readLengthFrame(client), "once the rest of the frame arrived, PUT should be answered");
            for (byte b : Frames.lengthFrame("GET slow")) {
                out.write(b);
                out.flush();
            }
            assertEquals("OK yes", Frames.readLengthFrame(client));
        }
    }

    @Test
    @Points(2)
    @DisplayName("2.4 several requests in one write get their replies in order")
    void test09_serverPipelining() throws Exception {
        try (KeyValueServer server = new KeyValueServer(0, new LineFraming());
             Socket client = Net.connect(server.port())) {
            Net.send(client, "PUT a 1\nPUT b 2\nGET a\nDEL a\nGET a\nGET b\n");
            assertEquals("OK", Frames.readLine(client));
            assertEquals("OK", Frames.readLine(client));
            assertEquals("OK 1", Frames.readLine(client));
            assertEquals("OK", Frames.readLine(client));
            assertEquals("ERR no such key: a", Frames.readLine(client));
            assertEquals("OK 2", Frames.readLine(client));
        }
        try (KeyValueServer server = new KeyValueServer(0, new LengthPrefixFraming());
             Socket client = Net.connect(server.port())) {
            client.getOutputStream().write(concat(Frames.lengthFrame("PUT x y"), Frames.lengthFrame("GET x")));
            assertEquals("OK", Frames.readLengthFrame(client));
            assertEquals("OK y", Frames.readLengthFrame(client));
        }
    }

    @Test
    @Points(1)
    @DisplayName("2.4 invalid UTF-8 gets an ERR reply (or a clean close), and the server keeps serving")
    void test10_serverInvalidUtf8() throws Exception {
        try (KeyValueServer server = new KeyValueServer(0, new LineFraming())) {
            try (Socket bad = Net.connect(server.port())) {
                bad.getOutputStream().write(new byte[] {'G', 'E', 'T', ' ', (byte) 0xC0, '\n'});
                assertErrOrClose(bad, "invalid UTF-8");
            }
            try (Socket good = Net.connect(server.port())) {
                Net.send(good, "PUT k v\n");
                assertEquals("OK", Frames.readLine(good));
            }
        }
    }

    @Test
    @Points(1)
    @DisplayName("2.4 a frame cut off by the client's close gets an ERR reply or a clean close; the server keeps serving")
    void test11_serverTruncatedFrame() throws Exception {
        try (KeyValueServer server = new KeyValueServer(0, new LengthPrefixFraming())) {
            try (Socket bad = Net.connect(server.port())) {
                bad.getOutputStream().write(concat(Frames.header(100), utf8("only a few bytes")));
                bad.shutdownOutput();
                assertErrOrClose(bad, "a truncated frame");
            }
            try (Socket good = Net.connect(server.port())) {
                good.getOutputStream().write(Frames.lengthFrame("GET nothing"));
                assertEquals("ERR no such key: nothing", Frames.readLengthFrame(good));
            }
        }
    }

    @Test
    @Points(1)
    @DisplayName("2.4 a client stuck in the middle of a frame does not keep others waiting")
    void test12_stuckClientDoesNotBlockOthers() throws Exception {
        try (KeyValueServer server = new KeyValueServer(0, new LengthPrefixFraming());
             Socket stuck = Net.connect(server.port())) {
            stuck.getOutputStream().write(concat(Frames.header(50), utf8("half")));
            try (Socket good = Net.connect(server.port())) {
                good.getOutputStream().write(Frames.lengthFrame("PUT q r"));
                assertEquals("OK", Frames.readLengthFrame(good));
            }
        }
    }

    @Test
    @Points(1)
    @DisplayName("2.3 odd requests never throw: lower-case commands, extra words, empty key")
    void test13_serviceOddRequests() {
        KeyValueService kv = new KeyValueService();
        assertEquals("ERR unknown command: get", kv.handle("get x"), "commands are case-sensitive");
        assertEquals("ERR usage: GET key", kv.handle("GET a b"));
        assertEquals("ERR usage: DEL key", kv.handle("DEL"));
        assertTrue(kv.handle("PUT  v").startsWith("ERR"), "an empty key should be refused");
        assertEquals("OK", kv.handle("PUT k  two  spaces "));
        assertEquals("OK  two  spaces ", kv.handle("GET k"), "the value is the rest of the line, exactly");
    }

    /** An endless line: 'x' after 'x', never a line end; counts what was taken from it. */
    static final class EndlessLine extends InputStream {
        long taken;

        @Override
        public int read() {
            taken++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            taken += len;
            return len;
        }
    }

    @Test
    @Points(2)
    @DisplayName("2.2 a line that never ends is refused after MAX_LINE bytes, not buffered until a line end comes")
    void test14_lineLimitWhileReading() {
        EndlessLine endless = new EndlessLine();
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                lines.read(endless);
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "line-reader");
        reader.setDaemon(true);
        reader.start();
        long limit = 8L * LineFraming.MAX_LINE; // room for a BufferedReader's read-ahead
        wirelab.testkit.Waits.await("read() to refuse a line that never ends")
                .until(() -> !reader.isAlive() || endless.taken > limit);
        assertTrue(endless.taken <= limit, "read() took " + endless.taken + " bytes of one line without a line end"
                + " and was still reading: a line over MAX_LINE (" + LineFraming.MAX_LINE + " bytes) should be"
                + " refused as soon as it is too long, not after it was buffered whole (a stranger could send"
                + " gigabytes without \\n)");
        assertTrue(thrown.get() instanceof MalformedFrameException, "a line over MAX_LINE bytes should be refused"
                + " with a MalformedFrameException, but read() ended with " + thrown.get());
    }

    @Test
    @Points(2)
    @DisplayName("2.4 a client that stays silent is disconnected after the idle timeout (KeyValueServer.IDLE_TIMEOUT_MILLIS)")
    void test15_idleClientIsDisconnected() throws Exception {
        try (KeyValueServer server = new KeyValueServer(0, new LineFraming());
             Socket idle = Net.connect(server.port())) {
            Net.send(idle, "PUT idle yes\n");
            assertEquals("OK", Frames.readLine(idle));
            long lastRequest = System.nanoTime();
            // Fast path: shorten the server's own timeout on its socket for this client, then send one
            // more request, so that the server's next read waits with the short timeout.
            Socket serverSide = IdleTimeouts.serverSocketFor(server, idle);
            boolean shortened = false;
            if (serverSide != null) {
                int set = serverSide.getSoTimeout();
                assertTrue(set == 0 || set <= KeyValueServer.IDLE_TIMEOUT_MILLIS, "the server's read timeout is "
                        + set + " ms, longer than IDLE_TIMEOUT_MILLIS (" + KeyValueServer.IDLE_TIMEOUT_MILLIS + ")");
                if (set > 0) {
                    serverSide.setSoTimeout(300);
                    shortened = true;
                    Net.send(idle, "GET idle\n");
                    assertEquals("OK yes", Frames.readLine(idle));
                    lastRequest = System.nanoTime();
                }
            }
            long bound = (shortened ? 300 : KeyValueServer.IDLE_TIMEOUT_MILLIS) + 3_000;
            idle.setSoTimeout((int) bound);
            boolean closed = Net.closedByPeer(idle);
            long waited = (System.nanoTime() - lastRequest) / 1_000_000;
            if (!closed && shortened) {
                // a server that sets the timeout before every read waits the full IDLE_TIMEOUT_MILLIS: allowed
                idle.setSoTimeout(KeyValueServer.IDLE_TIMEOUT_MILLIS + 3_000);
                closed = Net.closedByPeer(idle);
                waited = (System.nanoTime() - lastRequest) / 1_000_000;
            }
            assertTrue(closed, "a client that sent nothing for " + waited + " ms is still connected: the server"
                    + " should hang up after " + KeyValueServer.IDLE_TIMEOUT_MILLIS + " ms of silence"
                    + " (setSoTimeout, and a SocketTimeoutException ends the connection rather than another read)");
        }
    }

    @Test
    @Points(1)
    @DisplayName("2.4 a client that closes normally ends its server thread without an exception")
    void test16_normalCloseRaisesNoException() throws Exception {
        java.util.List<Throwable> escaped = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> escaped.add(e));
        try (KeyValueServer server = new KeyValueServer(0, new LineFraming())) {
            java.util.Set<Thread> before = Net.threadsNow();
            try (Socket client = Net.connect(server.port())) {
                Net.send(client, "PUT bye now\n");
                assertEquals("OK", Frames.readLine(client));
            }
            wirelab.testkit.Waits.await("the server's thread for the client to end").until(() -> Net.newThreads(before)
                    .stream().noneMatch(t -> t.getName().startsWith("kv-client")));
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertTrue(escaped.isEmpty(), "the client closed its side after one request; read() then returns null and the"
                + " server should simply stop serving it, but its thread ended with " + escaped);
    }

    @Test
    @Points(1)
    @DisplayName("2.2 a line is every byte before its line end: spaces, tabs and a \\r inside it are kept (only a \\r right before \\n is dropped)")
    void test17_lineKeepsItsSpaces() throws Exception {
        String[] sent = {"  two spaces before", "one after ", "\ttabs\t", "a\rb", " "};
        InputStream in = new ByteArrayInputStream(utf8("  two spaces before\none after \n\ttabs\t\r\na\rb\n \r\n"));
        for (String expected : sent) {
            String got = lines.read(in);
            assertEquals(show(expected), show(got), "the message is the line's bytes without its line end (\\n or \\r\\n),"
                    + " exactly: do not trim or strip it, and keep a \\r that is not right before the \\n");
        }
        assertNull(lines.read(in), "end of stream after the last line");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.write(out, " padded\t");
        assertEquals(show(" padded\t\n"), show(out.toString(java.nio.charset.StandardCharsets.UTF_8)),
                "write() sends the message exactly, then \\n");
    }

    static String show(String s) {
        return "\"" + s.replace("\r", "\\r").replace("\t", "\\t").replace("\n", "\\n") + "\"";
    }

    @Test
    @Points(1)
    @DisplayName("2.3 two clients DEL the same key at once: exactly one gets OK; a GET during a DEL gets the value or ERR, never \"OK null\"")
    void test18_checkThenActOnTheSharedStore() throws Exception {
        KeyValueService kv = new KeyValueService();
        kv.handle("PUT k v");
        Interleaving.Outcome<String, String> dels = played(kv, () -> kv.handle("DEL k"), () -> kv.handle("DEL k"));
        long oks = java.util.stream.Stream.of(dels.first(), dels.second()).filter("OK"::equals).count();
        assertEquals(1, oks, "two clients sent DEL k at the same moment (the first was held right after it read the"
                + " store" + dels.where() + ", the second ran meanwhile): one DEL removes k and answers OK, the other"
                + " finds nothing and answers ERR no such key: k, but they answered \"" + dels.first() + "\" and \""
                + dels.second() + "\". A check (containsKey or get) and the remove that follows are two steps another"
                + " client can come between: let remove() tell whether the key was there (it returns the old value)");
        kv.handle("PUT k v");
        Interleaving.Outcome<String, String> get = played(kv, () -> kv.handle("GET k"), () -> kv.handle("DEL k"));
        assertTrue(get.first().equals("OK v") || get.first().equals("ERR no such key: k"), "GET k while another client"
                + " DELs k (the GET was held right after it read the store" + get.where() + "): the answer is the value"
                + " (OK v, the GET came first) or ERR no such key: k (the DEL came first), but it was \"" + get.first()
                + "\": read the value once (get) and answer from what that one read returned");
    }

    /**
     * Plays two clients' requests on one service, the first held right after its first read of the
     * store (see {@link Interleaving}); the second runs meanwhile.
     */
    static Interleaving.Outcome<String, String> played(KeyValueService service, Callable<String> first,
            Callable<String> second) throws Exception {
        return Interleaving.in(service, Interleaving.Holds.READS).calls("request")
                .whenACallThrows(": handle() should never throw")
                .noMap("this test holds one client inside KeyValueService's store, but found no Map field it could"
                        + " hold it in: keep the store in the Map field it is given")
                .run(first, second);
    }

    /** Reads what the server does next: an ERR reply (line or frame) or end of stream; fails otherwise. */
    static void assertErrOrClose(Socket s, String what) throws Exception {
        byte[] rest = Net.readToEnd(s.getInputStream());
        String text = new String(rest, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(rest.length == 0 || text.contains("ERR"),
                "after " + what + " the server should answer ERR or close the connection, but sent: " + text);
    }
}
