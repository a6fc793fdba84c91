package wirelab.testkit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The test JVM's open sockets, counted by the operating system. A server that forgets to close
 * an accepted socket (say, when the client resets the connection) or cancels a channel's key
 * without closing the channel leaves no thread behind, only a descriptor: after a few thousand
 * clients it can accept no more ("Too many open files"). Take a snapshot before, let the code run,
 * then check that every socket it opened was closed again:
 *
 * <pre>{@code
 * OpenFiles.Snapshot before = OpenFiles.now();
 * server.close();
 * OpenFiles.assertClosedSince(before, "the echo server's close()");
 * }</pre>
 *
 * On Linux this reads {@code /proc/self/fd} (each link names its socket's inode) and explains a
 * leftover socket with its addresses from {@code /proc/net}; elsewhere it compares the count of
 * open descriptors ({@code UnixOperatingSystemMXBean}); on Windows it checks nothing.
 * Only TCP and UDP sockets, pipes and event descriptors (a selector's epoll and wake-up) count:
 * files the JVM opens lazily (a jar, a font) and its Unix-domain sockets are not the code under
 * test's.
 */
public final class OpenFiles {

    /** How long a closed socket may take to really go (a socket blocked in another thread's read is closed when that thread wakes). */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    private static final Path FD_DIR = Path.of("/proc/self/fd");

    static {
        // The JDK opens one Unix-domain socket for its whole life the first time it closes a
        // socket that another thread is blocked on (its "pre-close" socket): open it now, so it
        // is in every snapshot rather than counted as a leak of the code under test.
        for (String c : List.of("sun.nio.ch.FileDispatcherImpl", "sun.nio.ch.UnixDispatcher")) {
            try {
                Class.forName(c, true, ClassLoader.getSystemClassLoader());
            } catch (Throwable e) {
                // another JDK: the Unix-domain filter below still applies
            }
        }
    }

    private OpenFiles() {
    }

    /** The open descriptors at one moment: by number, what each one is ({@code socket:[12345]}), or only a count. */
    public static final class Snapshot {
        private final Map<Integer, String> descriptors;
        private final long count;

        private Snapshot(Map<Integer, String> descriptors, long count) {
            this.descriptors = descriptors;
            this.count = count;
        }

        /** Sockets, pipes and event descriptors open at that moment (-1 when this platform cannot tell). */
        public long count() {
            return descriptors != null ? descriptors.size() : count;
        }
    }

    /** True when this platform lets the test see which descriptors are open (Linux: yes). */
    public static boolean canList() {
        return Files.isDirectory(FD_DIR);
    }

    /** The sockets (and pipes, epoll and eventfd descriptors) the JVM has open now. */
    public static Snapshot now() {
        if (canList()) {
            return new Snapshot(list(), -1);
        }
        return new Snapshot(null, totalCount());
    }

    /** How many sockets the JVM has open now (-1 when this platform cannot tell). */
    public static long sockets() {
        if (!canList()) {
            return -1;
        }
        return list().values().stream().filter(t -> t.startsWith("socket:")).count();
    }

    /**
     * The descriptors open now that were not open in {@code before}, each as a readable line
     * ({@code fd 41: TCP socket 127.0.0.1:37022 -> 127.0.0.1:41871 (ESTABLISHED)}); empty when
     * everything opened since was closed. Without {@code /proc}: one line when the count grew.
     */
    public static List<String> openedSince(Snapshot before) {
        if (before.descriptors == null) {
            long now = totalCount();
            if (before.count < 0 || now < 0 || now <= before.count) {
                return List.of();
            }
            return List.of((now - before.count) + " more file descriptors open than before");
        }
        Map<Integer, String> opened = newDescriptors(before);
        if (opened.isEmpty()) {
            return List.of();
        }
        Map<String, String> sockets = socketTable();
        List<String> lines = new ArrayList<>();
        opened.forEach((fd, target) -> lines.add("fd " + fd + ": " + describe(target, sockets)));
        return lines;
    }

    /** Descriptors open now that were not open (as the same thing) in {@code before}; cheap enough to poll. */
    private static Map<Integer, String> newDescriptors(Snapshot before) {
        Map<Integer, String> opened = new TreeMap<>();
        list().forEach((fd, target) -> {
            if (!target.equals(before.descriptors.get(fd))) {
                opened.put(fd, target);
            }
        });
        if (opened.values().stream().anyMatch(t -> t.startsWith("socket:"))) {
            java.util.Set<String> unix = unixSocketInodes(); // the JVM's own, never the lab's TCP or UDP
            opened.values().removeIf(t -> t.startsWith("socket:[") && unix.contains(t.substring(8, t.length() - 1)));
        }
        return opened;
    }

    private static java.util.Set<String> unixSocketInodes() {
        java.util.Set<String> inodes = new java.util.HashSet<>();
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/unix"));
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 7) {
                    inodes.add(f[6]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc/net/unix: nothing to leave out
        }
        return inodes;
    }

    private static boolean anyOpenedSince(Snapshot before) {
        if (before.descriptors == null) {
            long now = totalCount();
            return before.count >= 0 && now > before.count;
        }
        return !newDescriptors(before).isEmpty();
    }

    /**
     * Waits (at most {@link #DEFAULT_WAIT}) until every socket, pipe or selector descriptor opened
     * since {@code before} is closed; fails listing the ones still open.
     */
    public static void assertClosedSince(Snapshot before, String what) {
        assertClosedSince(before, what, DEFAULT_WAIT);
    }

    public static void assertClosedSince(Snapshot before, String what, Duration atMost) {
        try {
            Waits.await("every socket opened by " + what + " to be closed", atMost)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> !anyOpenedSince(before));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            List<String> open = openedSince(before);
            throw new AssertionError("expected every socket opened by " + what + " to be closed, but "
                    + open.size() + (open.size() == 1 ? " is" : " are") + " still open after "
                    + atMost.toMillis() + " ms:\n  " + String.join("\n  ", open)
                    + "\n(an unclosed socket is a leak: each one holds a file descriptor until the process ends)");
        }
    }

    /** What a scenario does: connect, send, reset... whatever makes the code under test open and close sockets. */
    @FunctionalInterface
    public interface Scenario {
        void run() throws Exception;
    }

    /**
     * Runs {@code scenario} and checks that the code under test itself closed every socket it
     * opened meanwhile. A socket that became garbage is closed by the JVM at the next garbage
     * collection, which would hide a leak: when one ran before the sockets were gone, the
     * scenario is run again (at most 3 times; if every run saw one, the code gets the benefit of
     * the doubt).
     */
    public static void assertClosedByTheCode(String what, Scenario scenario) throws Exception {
        for (int round = 0; round < 3; round++) {
            // collect first: with the heap just cleaned, a collection during the round (which would
            // close a leaked socket for the code) is unlikely; seen without bubblewrap, where a leak
            // on reset passed because a collection ran in every round
            System.gc();
            Snapshot before = now();
            long collections = collections();
            scenario.run();
            assertClosedSince(before, what);
            if (collections() == collections) {
                return; // closed, and no garbage collection could have done it
            }
        }
    }

    /** Garbage collections so far, all collectors together. */
    static long collections() {
        long n = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static Map<Integer, String> list() {
        Map<Integer, String> fds = new TreeMap<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(FD_DIR)) {
            for (Path p : dir) {
                String target;
                try {
                    target = Files.readSymbolicLink(p).toString();
                } catch (IOException e) {
                    continue; // closed while we looked (or the directory stream's own descriptor)
                }
                if (target.startsWith("socket:") || target.startsWith("pipe:") || target.startsWith("anon_inode:")) {
                    fds.put(Integer.parseInt(p.getFileName().toString()), target);
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("could not list " + FD_DIR + ": " + e, e);
        }
        return fds;
    }

    private static long totalCount() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getOpenFileDescriptorCount();
        }
        return -1;
    }

    private static String describe(String target, Map<String, String> sockets) {
        if (target.startsWith("socket:[")) {
            String inode = target.substring("socket:[".length(), target.length() - 1);
            String what = sockets.get(inode);
            return what != null ? what : "a socket whose connection is over (reset or closed by the peer),"
                    + " never closed on this side (inode " + inode + ")";
        }
        if (target.contains("eventpoll")) {
            return "an epoll descriptor (a Selector that was not closed)";
        }
        if (target.startsWith("pipe:") || target.contains("eventfd")) {
            return target + " (a Selector's wake-up channel, or a pipe, not closed)";
        }
        return target;
    }

    /** Socket inode to "TCP socket 127.0.0.1:1234 -> 127.0.0.1:5678 (ESTABLISHED)", from /proc/net. */
    private static Map<String, String> socketTable() {
        Map<String, String> table = new HashMap<>();
        for (String proto : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path file = Path.of("/proc/net", proto);
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException | RuntimeException e) {
                continue;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 10) {
                    continue;
                }
                boolean tcp = proto.startsWith("tcp");
                String state = tcp ? TCP_STATES.getOrDefault(f[3], f[3]) : null;
                String local = address(f[1]);
                String remote = address(f[2]);
                String text;
                if (tcp && "LISTEN".equals(state)) {
                    text = "TCP server socket listening on " + local;
                } else if (tcp) {
                    text = "TCP socket " + local + " -> " + remote + " (" + state + ")";
                } else {
                    text = "UDP socket on " + local;
                }
                table.put(f[9], text);
            }
        }
        return table;
    }

    private static final Map<String, String> TCP_STATES = Map.ofEntries(
            Map.entry("01", "ESTABLISHED"), Map.entry("02", "SYN_SENT"), Map.entry("03", "SYN_RECV"),
            Map.entry("04", "FIN_WAIT1"), Map.entry("05", "FIN_WAIT2"), Map.entry("06", "TIME_WAIT"),
            Map.entry("07", "CLOSE"), Map.entry("08", "CLOSE_WAIT: the peer has closed, this side never did"),
            Map.entry("09", "LAST_ACK"), Map.entry("0A", "LISTEN"), Map.entry("0B", "CLOSING"));

    /** "0100007F:1F90" (little-endian IPv4) or a 32-digit IPv6 form, to "127.0.0.1:8080". */
    private static String address(String hexAddressAndPort) {
        int colon = hexAddressAndPort.indexOf(':');
        if (colon < 0) {
            return hexAddressAndPort;
        }
        String hex = hexAddressAndPort.substring(0, colon);
        int port = Integer.parseInt(hexAddressAndPort.substring(colon + 1), 16);
        if (hex.length() == 8) {
            long v = Long.parseLong(hex, 16);
            return (v & 0xFF) + "." + ((v >> 8) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 24) & 0xFF) + ":" + port;
        }
        if (hex.length() == 32 && hex.startsWith("0000000000000000FFFF0000")) {
            long v = Long.parseLong(hex.substring(24), 16); // an IPv4-mapped address
            return (v & 0xFF) + "." + ((v >> 8) & 0xFF) + "." + ((v >> 16) & 0xFF) + "." + ((v >> 24) & 0xFF) + ":" + port;
        }
        if (hex.equals("00000000000000000000000001000000")) {
            return "[::1]:" + port;
        }
        return "[" + hex + "]:" + port;
    }
}
