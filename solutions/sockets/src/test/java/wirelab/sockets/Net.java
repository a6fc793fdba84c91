package wirelab.sockets;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import wirelab.testkit.Loopback;
import wirelab.testkit.Reads;
import wirelab.testkit.Waits;

/**
 * Helpers for this lab's tests: clients that never wait forever, exact reads, and the
 * "no thread left behind" check. Not graded; read them to see what the tests do.
 */
public final class Net {

    /** No read in a test waits longer than this for bytes that should come at once. */
    public static final int READ_TIMEOUT_MILLIS = 5_000;

    private Net() {
    }

    /** A plain blocking socket to a loopback port, with a read timeout so a test cannot hang. */
    public static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(Loopback.at(port), READ_TIMEOUT_MILLIS);
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        s.setTcpNoDelay(true);
        return s;
    }

    /**
     * Reads exactly {@code n} bytes, or fails saying how many arrived. The read is marked as one
     * whose timeout fails the test: when nothing can arrive any more, the grader ends it at once.
     */
    public static byte[] readExactly(InputStream in, int n, String what) throws IOException {
        byte[] out = new byte[n];
        int got = 0;
        try (Reads.Bounded read = Reads.failingAtTimeout(what, in)) {
            while (got < n) {
                int r;
                try {
                    r = in.read(out, got, n - got);
                } catch (IOException e) {
                    if (e instanceof SocketTimeoutException || read.ended()) {
                        fail("expected " + n + " bytes of " + what + ", but only " + got + " arrived within "
                                + READ_TIMEOUT_MILLIS + " ms");
                    }
                    throw e;
                }
                if (r == -1) {
                    fail("expected " + n + " bytes of " + what + ", but the server closed the connection after " + got);
                }
                got += r;
            }
        }
        return out;
    }

    public static String readExactly(Socket s, int n, String what) throws IOException {
        return new String(readExactly(s.getInputStream(), n, what), StandardCharsets.UTF_8);
    }

    /** Sends a UTF-8 string and flushes. */
    public static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    /** Everything until the peer closes (bounded by the read timeout). */
    public static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** True when the peer closed the connection (read returns -1 or the connection was reset) within the read timeout. */
    public static boolean closedByPeer(Socket s) {
        try {
            while (true) {
                if (s.getInputStream().read() == -1) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    /** The live threads now: take this before starting a server. */
    public static Set<Thread> threadsNow() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /** Threads started since {@code before} that are still alive, minus the test framework's own. */
    public static Set<Thread> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !before.contains(t))
                .filter(t -> !isInfrastructure(t))
                .collect(Collectors.toSet());
    }

    private static boolean isInfrastructure(Thread t) {
        String n = t.getName();
        return n.startsWith("junit") || n.startsWith("awaitility") || n.startsWith("ForkJoinPool")
                || n.startsWith("process reaper") || n.startsWith("lossy-relay") || n.equals("Attach Listener")
                || n.startsWith("Common-Cleaner") || n.startsWith("surefire");
    }

    /** Fails unless every thread started since {@code before} ends within the default wait. */
    public static void assertNoThreadLeftBehind(Set<Thread> before, String what) {
        Waits.await(what + " to leave no thread behind after close()", java.time.Duration.ofSeconds(6))
                .untilAsserted(() -> org.junit.jupiter.api.Assertions.assertTrue(newThreads(before).isEmpty(),
                        "expected every thread of " + what + " to end by close(), but these were still running: "
                                + names(newThreads(before))));
    }

    /** A readable list of thread names, for failure messages. */
    public static String names(Set<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    /** A stream over {@code bytes} whose every read returns at most one byte, like a very slow network. */
    public static InputStream oneByteAtATime(byte[] bytes) {
        return new java.io.FilterInputStream(new java.io.ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    /** The bytes of several strings, for "several frames in one write". */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
