package wirelab.grading.runner;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * Asks the kernel (Linux's {@code /proc}) which of a test's threads blocked on a socket can never
 * wake. Such a thread sleeps in a read, accept, receive or select with no timeout, and nothing is
 * left to wake it when, besides, every other thread waits: no byte is on its way (every TCP socket
 * of this JVM has an empty send queue), every connection of this JVM leads to another socket of
 * this JVM (or to one waiting in its own listener's queue), and the JVM has no child process (a
 * peer program such as python3 or curl). Only this JVM's sockets count (by their inodes in {@code
 * /proc/self/fd}), so the answer is the same with and without a private network namespace; a
 * listening or UDP socket could still be reached by another program on the machine, which no test
 * does.
 *
 * <p>The answer is all or nothing, as {@link Stillness} needs it: one reader that can wake may
 * wake the others. A thread in a read of the test whose timeout fails the test ({@link ThreadSnapshot.Entry#reads})
 * counts too when that timeout is the only thing that can wake it: it will fail the test then.
 * Anything this cannot read (another OS, another architecture, {@code /proc} hidden) gives no
 * thread: the test keeps its time limit.
 */
final class SocketWaits {

    /** Syscall numbers by architecture: blocking calls on one descriptor, and waits on many with a timeout argument. */
    private record Calls(Set<Integer> onFd, int poll, int ppoll, Set<Integer> epollWait, int epollPwait2) {
    }

    private static final Map<String, Calls> CALLS = Map.of(
            // read, recvfrom, recvmsg, accept, accept4; poll, ppoll; epoll_wait, epoll_pwait; epoll_pwait2
            "amd64", new Calls(Set.of(0, 45, 47, 43, 288), 7, 271, Set.of(232, 281), 441),
            "aarch64", new Calls(Set.of(63, 207, 212, 202, 242), -1, 73, Set.of(22), 441));

    private static final Pattern THREAD_LINE = Pattern.compile("^\".*\" #(\\d+) .*?\\bnid=(0x[0-9a-fA-F]+|\\d+)\\b");

    private final Calls calls = CALLS.get(System.getProperty("os.arch"));
    private final Path proc = Path.of("/proc/self");
    /** Java thread id to the kernel's, for the threads seen so far: a thread keeps its kernel thread for life. */
    private final Map<Long, Long> nids = new HashMap<>();
    /**
     * The TCP tables are read into this, kept from look to look: without a private network
     * namespace they list every socket of the machine, and garbage made at each look could bring
     * a collection forward, which closes a submission's abandoned sockets earlier than without the
     * watch (a leak the tests look for).
     */
    private byte[] buffer = new byte[1 << 16];

    /**
     * The ids of {@code readers} when the kernel shows that none of them can ever wake (or only
     * at a timeout that fails the test), else none: one reader that can wake moves them all. The
     * cheap looks come first, so a test with a reader on a timer pays two small reads a look.
     */
    Set<Long> asleep(List<ThreadSnapshot.Entry> readers) {
        if (calls == null || readers.isEmpty()) {
            return Set.of();
        }
        try {
            if (!readers.stream().allMatch(e -> nids.containsKey(e.id()))) {
                nids.putAll(nativeIds(threadPrint()));
            }
            for (ThreadSnapshot.Entry e : readers) {
                Long nid = nids.get(e.id());
                if (nid == null) {
                    return Set.of();
                }
                Path task = proc.resolve("task").resolve(Long.toString(nid));
                String stat = readOrEmpty(task.resolve("stat"));
                String syscall = readOrEmpty(task.resolve("syscall")).strip();
                if (!sleeping(stat) || !blocked(syscall, e.reads() != null, fd -> isSocket(fd))) {
                    return Set.of();
                }
            }
            Set<Long> ours = socketInodes();
            long[] sorted = ours.stream().mapToLong(Long::longValue).sorted().toArray();
            List<Line> lines = new ArrayList<>();
            for (String table : List.of("net/tcp", "net/tcp6")) {
                parse(buffer, readInto(proc.resolve(table)), sorted, lines);
            }
            if (!quiet(lines, ours) || ProcessHandle.current().children().findAny().isPresent()) {
                return Set.of();
            }
            Set<Long> out = new HashSet<>();
            readers.forEach(e -> out.add(e.id()));
            return out;
        } catch (IOException | RuntimeException | javax.management.JMException e) {
            return Set.of();
        }
    }

    /** The state letter after the command in {@code /proc/…/stat} is S: asleep, and wakeable only by an event. */
    static boolean sleeping(String stat) {
        int close = stat.lastIndexOf(')');
        return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'S';
    }

    /**
     * Whether the syscall in {@code /proc/…/syscall} ("nr arg0 … arg5 sp pc") waits with no
     * timeout: a read, receive or accept on a socket, or a poll or epoll wait whose timeout
     * argument says "for ever". With {@code failingTimeout}, a poll with a timeout counts too (a
     * read of the test, whose timeout fails it).
     */
    boolean blocked(String syscall, boolean failingTimeout, LongPredicate socketFd) {
        return blocked(calls, syscall, failingTimeout, socketFd);
    }

    static boolean blocked(String arch, String syscall, boolean failingTimeout, LongPredicate socketFd) {
        Calls c = CALLS.get(arch);
        return c != null && blocked(c, syscall, failingTimeout, socketFd);
    }

    private static boolean blocked(Calls c, String syscall, boolean failingTimeout, LongPredicate socketFd) {
        String[] f = syscall.split(" ");
        if (f.length < 7 || !f[0].matches("\\d+")) {
            return false;   // "running", or not in a syscall ("-1 sp pc")
        }
        int nr = Integer.parseInt(f[0]);
        long[] arg = new long[6];
        for (int i = 0; i < 6; i++) {
            arg[i] = new BigInteger(f[i + 1].substring(2), 16).longValue();
        }
        if (c.onFd().contains(nr)) {
            return socketFd.test(arg[0]);
        }
        if (nr == c.poll() || c.epollWait().contains(nr)) {
            int timeout = (int) (nr == c.poll() ? arg[2] : arg[3]);
            return timeout < 0 || failingTimeout;
        }
        if (nr == c.ppoll()) {
            return arg[2] == 0 || failingTimeout;
        }
        if (nr == c.epollPwait2()) {
            return arg[3] == 0 || failingTimeout;
        }
        return false;
    }

    /** One line of {@code /proc/net/tcp} or {@code tcp6}. */
    record Line(String local, String remote, int state, long txQueue, long inode) {
        static final int ESTABLISHED = 0x01;
        static final int FIN_WAIT2 = 0x05;
        static final int CLOSE = 0x07;
        static final int CLOSE_WAIT = 0x08;
        static final int LISTEN = 0x0A;
    }

    /** Every line of these tables (for tests). */
    static List<Line> parse(List<String> tables) {
        List<Line> out = new ArrayList<>();
        for (String table : tables) {
            byte[] bytes = table.getBytes(StandardCharsets.US_ASCII);
            parse(bytes, bytes.length, null, out);
        }
        return out;
    }

    /**
     * The lines of the table in {@code buf[0, length)} that can matter: those of the sockets in
     * {@code ours} (sorted inodes; null: every line), and connections that wait in a listener's
     * queue (inode 0, established). Only those become objects.
     */
    static void parse(byte[] buf, int length, long[] ours, List<Line> out) {
        int[] field = new int[20];
        int start = 0;
        while (start < length) {
            int end = start;
            while (end < length && buf[end] != '\n') {
                end++;
            }
            int n = 0;
            for (int i = start; i < end && n < field.length; ) {
                while (i < end && buf[i] == ' ') {
                    i++;
                }
                int from = i;
                while (i < end && buf[i] != ' ') {
                    i++;
                }
                if (i > from) {
                    field[n++] = from;
                    field[n++] = i;
                }
            }
            if (n == 20 && buf[field[1] - 1] == ':' && buf[field[0]] != 's') {   // not the heading
                long inode = number(buf, field[18], field[19], 10);
                int state = (int) number(buf, field[6], field[7], 16);
                boolean kept = ours == null || Arrays.binarySearch(ours, inode) >= 0
                        || inode == 0 && state == Line.ESTABLISHED;
                if (kept) {
                    out.add(new Line(endpoint(text(buf, field[2], field[3])), endpoint(text(buf, field[4], field[5])), state,
                            number(buf, field[8], field[8] + 8, 16), inode));
                }
            }
            start = end + 1;
        }
    }

    private static long number(byte[] buf, int from, int to, int radix) {
        long v = 0;
        for (int i = from; i < to; i++) {
            v = v * radix + Character.digit(buf[i], radix);
        }
        return v;
    }

    private static String text(byte[] buf, int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.US_ASCII);
    }

    /** Reads a file into {@link #buffer}, grown as needed; its length, 0 when the file is not there. */
    private int readInto(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int n = 0;
            while (true) {
                if (n == buffer.length) {
                    buffer = Arrays.copyOf(buffer, n * 2);
                }
                int r = in.read(buffer, n, buffer.length - n);
                if (r < 0) {
                    return n;
                }
                n += r;
            }
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    /**
     * Whether no byte is on its way to or from this JVM's sockets ({@code ours}, by inode), and
     * every connection of it leads to another of its sockets or waits in its own listener's queue.
     */
    static boolean quiet(List<Line> lines, Set<Long> ours) {
        Map<String, Line> byEnds = new HashMap<>();
        Set<String> listening = new HashSet<>();
        for (Line l : lines) {
            byEnds.put(l.local() + ">" + l.remote(), l);
            if (ours.contains(l.inode()) && l.state() == Line.LISTEN) {
                listening.add(port(l.local()));
            }
        }
        for (Line l : lines) {
            if (!ours.contains(l.inode())) {
                continue;
            }
            if (l.txQueue() != 0) {
                return false;
            }
            if (l.state() == Line.ESTABLISHED || l.state() == Line.FIN_WAIT2) {
                Line peer = byEnds.get(l.remote() + ">" + l.local());
                boolean inOurQueue = peer != null && peer.inode() == 0 && listening.contains(port(peer.local()));
                if (peer == null || !(ours.contains(peer.inode()) || inOurQueue)) {
                    return false;   // the other end is another program's: it may still write
                }
            } else if (l.state() != Line.LISTEN && l.state() != Line.CLOSE_WAIT && l.state() != Line.CLOSE) {
                return false;   // connecting, or closing with a FIN still on its way
            }
        }
        return true;
    }

    /** "0100007F:1F90" or an IPv6 form, as one text for both (an IPv4 address mapped into IPv6 as itself). */
    static String endpoint(String hexAddressPort) {
        int colon = hexAddressPort.indexOf(':');
        String address = hexAddressPort.substring(0, colon).toUpperCase(Locale.ROOT);
        String port = hexAddressPort.substring(colon + 1).toUpperCase(Locale.ROOT);
        // ::ffff:a.b.c.d, as /proc writes it in four host-order words: 0000000000000000FFFF0000 then the IPv4 word
        if (address.length() == 32 && address.startsWith("0000000000000000FFFF0000")) {
            address = address.substring(24);
        }
        return address + ":" + port;
    }

    private static String port(String endpoint) {
        return endpoint.substring(endpoint.indexOf(':') + 1);
    }

    /** Java thread id to the kernel's thread id, from the JVM's own thread dump ("#12 … nid=0xf67"). */
    static Map<Long, Long> nativeIds(String threadPrint) {
        Map<Long, Long> out = new HashMap<>();
        for (String line : threadPrint.split("\n")) {
            Matcher m = THREAD_LINE.matcher(line);
            if (m.find()) {
                out.put(Long.parseLong(m.group(1)), Long.decode(m.group(2)));
            }
        }
        return out;
    }

    private static String threadPrint() throws javax.management.JMException {
        return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "threadPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
    }

    private Set<Long> socketInodes() throws IOException {
        Set<Long> out = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
                long inode = socketInode(fd);
                if (inode >= 0) {
                    out.add(inode);
                }
            }
        }
        return out;
    }

    private boolean isSocket(long fd) {
        return socketInode(proc.resolve("fd").resolve(Long.toString(fd))) >= 0;
    }

    private static long socketInode(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("socket:[") ? Long.parseLong(target.substring(8, target.length() - 1)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;   // closed meanwhile, or not a link
        }
    }

    private static String readOrEmpty(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return "";
        }
    }
}
