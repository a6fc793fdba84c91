package wirelab.grading.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import wirelab.testkit.Reads;
import wirelab.testkit.StartGate;

/**
 * What the kernel says about threads blocked on sockets: the parts read from {@code /proc} text
 * as the kernel writes it, then real sockets of this JVM, blocked for ever or with a timeout.
 */
class SocketWaitsTest {

    private static final String HEADING = "  sl  local_address                         remote_address                        st tx_queue rx_queue"
            + " tr tm->when retrnsmt   uid  timeout inode\n";
    /** ::ffff:127.0.0.1 port 0x9C40, as /proc/net/tcp6 writes it. */
    private static final String LOOP = "0000000000000000FFFF00000100007F";

    private static String row(int sl, String local, String remote, String state, String queues, long inode) {
        return String.format("%4d: %s %s %s %s 00:00000000 00000000  1000        0 %d 1 0000000000000000 20 4 30 10 -1%n",
                sl, local, remote, state, queues, inode);
    }

    @Test
    @DisplayName("A connection between two sockets of this JVM, nothing queued to send: quiet")
    void bothEndsOurs() {
        String table = HEADING
                + row(0, LOOP + ":9C40", "00000000000000000000000000000000:0000", "0A", "00000000:00000000", 11)
                + row(1, LOOP + ":9C40", LOOP + ":D431", "01", "00000000:00000000", 12)
                + row(2, LOOP + ":D431", LOOP + ":9C40", "01", "00000000:0000000C", 13);
        List<SocketWaits.Line> lines = SocketWaits.parse(List.of("", table));
        assertEquals(3, lines.size());
        assertTrue(SocketWaits.quiet(lines, Set.of(11L, 12L, 13L)), "unread bytes wake no one blocked elsewhere");
        assertFalse(SocketWaits.quiet(lines, Set.of(11L, 12L)), "the other end is another program's: it may write");
        List<SocketWaits.Line> kept = new ArrayList<>();
        byte[] bytes = table.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        SocketWaits.parse(bytes, bytes.length, new long[] {11, 12}, kept);
        assertEquals(List.of(lines.get(0), lines.get(1)), kept, "only the lines of this JVM's sockets become objects");
    }

    @Test
    @DisplayName("Bytes still to send, a connection under way or a FIN on its way: not quiet")
    void inFlight() {
        String sending = HEADING
                + row(1, LOOP + ":9C40", LOOP + ":D431", "01", "00000400:00000000", 12)
                + row(2, LOOP + ":D431", LOOP + ":9C40", "01", "00000000:00000000", 13);
        assertFalse(SocketWaits.quiet(SocketWaits.parse(List.of(sending)), Set.of(12L, 13L)));
        String connecting = HEADING + row(1, LOOP + ":D431", LOOP + ":9C40", "02", "00000000:00000000", 13);
        assertFalse(SocketWaits.quiet(SocketWaits.parse(List.of(connecting)), Set.of(13L)));
        String closing = HEADING + row(1, LOOP + ":D431", LOOP + ":9C40", "04", "00000000:00000000", 13);
        assertFalse(SocketWaits.quiet(SocketWaits.parse(List.of(closing)), Set.of(13L)));
    }

    @Test
    @DisplayName("A client whose connection waits in this JVM's listener, never accepted: quiet")
    void inOurListenersQueue() {
        String v4 = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                + row(0, "0100007F:9C40", "00000000:0000", "0A", "00000000:00000001", 11)
                + row(1, "0100007F:9C40", "0100007F:D431", "01", "00000000:00000000", 0);
        String v6 = HEADING + row(0, LOOP + ":D431", LOOP + ":9C40", "01", "00000000:00000000", 13);
        assertTrue(SocketWaits.quiet(SocketWaits.parse(List.of(v4, v6)), Set.of(11L, 13L)),
                "an IPv4 listener and an IPv6 client are the same addresses");
        assertFalse(SocketWaits.quiet(SocketWaits.parse(List.of(v4, v6)), Set.of(13L)),
                "another program's listener may still accept and answer");
    }

    @Test
    @DisplayName("Syscalls: untimed reads, accepts, polls and selects wait for ever; a timed one only in a read that fails the test")
    void syscalls() {
        String timedPoll = "7 0x7f97998fd3c8 0x1 0xea60 0xc 0x0 0x69ec45990 0x7f97998fd390 0x7f97d369d26f";
        String untimedPoll = "7 0x7f97996fd408 0x1 0xffffffff 0xc 0x0 0x69ec474a8 0x7f97996fd3d0 0x7f97d369d26f";
        String read = "0 0x6 0x7f97340015a0 0x1 0xc 0x0 0x69ec46f88 0x7f97997fd3c0 0x7f97d36992ec";
        String accept = "43 0x4 0x7f97994fd490 0x7f97994fd488 0xc 0x0 0x69ec3ddd8 0x7f97994fd440 0x7f97d36ab72f";
        String select = "232 0x10 0x7f97cc151360 0x400 0xffffffff 0x0 0xffffffff 0x7f97990fd590 0x7f97d36a9f36";
        String timedSelect = "232 0x12 0x7f97cc154370 0x400 0xea60 0x0 0xea60 0x7f9798ffd580 0x7f97d36a9f36";
        String futex = "202 0x7f97cc015848 0x189 0x0 0x0 0x0 0xffffffff 0x7f97a8480730 0x7f97d3626f16";
        assertFalse(SocketWaits.blocked("amd64", timedPoll, false, fd -> true));
        assertTrue(SocketWaits.blocked("amd64", timedPoll, true, fd -> true));
        assertTrue(SocketWaits.blocked("amd64", untimedPoll, false, fd -> true));
        assertTrue(SocketWaits.blocked("amd64", read, false, fd -> fd == 6));
        assertFalse(SocketWaits.blocked("amd64", read, false, fd -> false), "a read of a pipe or a file is not a socket's");
        assertTrue(SocketWaits.blocked("amd64", accept, false, fd -> fd == 4));
        assertTrue(SocketWaits.blocked("amd64", select, false, fd -> true));
        assertFalse(SocketWaits.blocked("amd64", timedSelect, false, fd -> true));
        assertFalse(SocketWaits.blocked("amd64", futex, false, fd -> true));
        assertFalse(SocketWaits.blocked("amd64", "running", false, fd -> true));
        assertFalse(SocketWaits.blocked("amd64", "-1 0x7f9798ffd580 0x7f97d36a9f36", false, fd -> true));
        assertFalse(SocketWaits.blocked("sparc", untimedPoll, false, fd -> true), "an unknown architecture: never");
    }

    @Test
    @DisplayName("The kernel's thread ids come from the JVM's thread dump, as JDK 17 and JDK 25 write it")
    void nativeIds() {
        Map<Long, Long> ids = SocketWaits.nativeIds("""
                "timedRead" #12 daemon prio=5 os_prio=0 cpu=0.89ms elapsed=1.24s tid=0x00007f97cc19e800 nid=0xf67 runnable
                "a \\"quoted\\" #3 name" #13 prio=5 os_prio=0 cpu=0.1ms elapsed=1s tid=0x00007f97cc19f000 nid=0xf68 runnable
                "timedRead" #22 [4262] daemon prio=5 os_prio=0 cpu=1.29ms elapsed=4.1s tid=0x00007fd6781a1230 nid=4262 runnable
                "VM Thread" os_prio=0 cpu=1.77ms elapsed=1.25s tid=0x00007f97cc0d2000 nid=0xf5b runnable
                """);
        assertEquals(Map.of(12L, 0xf67L, 13L, 0xf68L, 22L, 4262L), ids);
        assertTrue(SocketWaits.sleeping("4262 (timedRead) S 4240 4240"));
        assertTrue(SocketWaits.sleeping("4262 (a) S (b)) S 4240"), "the command may hold a parenthesis");
        assertFalse(SocketWaits.sleeping("4262 (timedRead) R 4240 4240"));
    }

    /** A connection between two sockets of this JVM, with its listener. */
    private record Connection(ServerSocket listener, Socket client, Socket served) implements AutoCloseable {

        static Connection open() throws IOException {
            ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            return new Connection(listener, client, listener.accept());
        }

        @Override
        public void close() throws IOException {
            served.close();
            client.close();
            listener.close();
        }
    }

    /** A thread that reads from {@code s} until it is closed. */
    private static Thread reader(Socket s, String name, String marked) {
        Thread t = new Thread(() -> {
            try (Reads.Bounded read = marked == null ? null : Reads.failingAtTimeout(marked, s.getInputStream())) {
                s.getInputStream().read();
            } catch (IOException e) {
                // closed by the test
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The threads among {@code ids} that the kernel shows asleep for good, once each is blocked on its socket. */
    private static Set<Long> asleepWhenBlocked(boolean noneExpected, Thread... threads) throws InterruptedException {
        Set<Long> ids = new java.util.HashSet<>();
        for (Thread t : threads) {
            ids.add(t.getId());
        }
        List<ThreadSnapshot.Entry> reading = List.of();
        for (int i = 0; i < 5_000 && reading.size() < threads.length; i++) {
            Thread.sleep(1);
            ThreadSnapshot seen = ThreadSnapshot.of(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false, 64),
                    -1, Set.of());
            reading = new ArrayList<>(seen.reading().stream().filter(e -> ids.contains(e.id())).toList());
        }
        assertEquals(threads.length, reading.size(), "every thread was seen blocked on its socket");
        Set<Long> asleep = Set.of();
        // the JVM shows the call a moment before the kernel puts the thread to sleep, longer on a busy machine:
        // up to 5 s for all of them, half a second for a look that rightly finds none
        long until = System.nanoTime() + 5_000_000_000L;
        for (int i = 0; asleep.size() < threads.length && System.nanoTime() < until; i++) {
            Thread.sleep(5);
            asleep = new SocketWaits().asleep(reading);
            if (asleep.isEmpty() && i >= 100 && noneExpected) {
                break;
            }
        }
        return asleep;
    }

    private static boolean linux() {
        return Files.isReadable(Path.of("/proc/self/net/tcp")) && Files.isDirectory(Path.of("/proc/self/task"));
    }

    @Test
    @DisplayName("Real sockets: both ends of a connection in this JVM, read without a timeout, nothing sent: asleep for good")
    void untimedReadsBetweenOurSockets() throws Exception {
        assumeTrue(linux(), "needs Linux's /proc");
        try (Connection c = Connection.open()) {
            Socket client = c.client();
            Socket served = c.served();
            Thread a = reader(client, "client-reader", null);
            Thread b = reader(served, "server-reader", null);
            assertEquals(Set.of(a.getId(), b.getId()), asleepWhenBlocked(false, a, b));
        }
    }

    @Test
    @DisplayName("Real sockets: a read with a timeout wakes by itself, unless it is a read of the test that fails at it")
    void timedReads() throws Exception {
        assumeTrue(linux(), "needs Linux's /proc");
        try (Connection c = Connection.open()) {
            Socket client = c.client();
            Socket served = c.served();
            client.setSoTimeout(60_000);
            Thread timed = reader(client, "timed-reader", null);
            Thread b = reader(served, "server-reader", null);
            assertEquals(Set.of(), asleepWhenBlocked(true, timed, b), "a timed read is a timer: it will return, and may write");
        }
        try (Connection c = Connection.open()) {
            Socket client = c.client();
            Socket served = c.served();
            client.setSoTimeout(60_000);
            Thread marked = reader(client, "junit-timeout-thread-1", "the echo");
            Thread b = reader(served, "server-reader", null);
            // the marked read counts only on a thread whose failure ends the test: this one has no JUnit frames
            assertEquals(Set.of(), asleepWhenBlocked(true, marked, b));
        }
        try (Connection c = Connection.open()) {
            Socket client = c.client();
            Socket served = c.served();
            client.setSoTimeout(60_000);
            Thread gate = new Thread(() -> StartGate.run(1, worker -> {
                try (Reads.Bounded read = Reads.failingAtTimeout("the echo", client.getInputStream())) {
                    client.getInputStream().read();
                }
            }), "gate");
            gate.setDaemon(true);
            gate.setUncaughtExceptionHandler((t, e) -> { });   // the worker fails when the socket closes
            gate.start();
            Thread worker = null;
            for (int i = 0; i < 5_000 && worker == null; i++) {
                Thread.sleep(1);
                worker = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("worker-0"))
                        .findFirst().orElse(null);
            }
            Thread b = reader(served, "server-reader", null);
            assertEquals(Set.of(worker.getId(), b.getId()), asleepWhenBlocked(false, worker, b),
                    "a start gate's worker: its failure is the test's, and the timeout fails it");
        }
    }

    @Test
    @DisplayName("Real sockets: while a child process lives (a peer program), no thread is asleep for good")
    void childProcess() throws Exception {
        assumeTrue(linux(), "needs Linux's /proc");
        try (Connection c = Connection.open()) {
            Socket client = c.client();
            Thread a = reader(client, "client-reader", null);
            Process child = new ProcessBuilder("cat").start();   // lives until its input closes: for the whole check
            try {
                assertEquals(Set.of(), asleepWhenBlocked(true, a));
            } finally {
                child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
