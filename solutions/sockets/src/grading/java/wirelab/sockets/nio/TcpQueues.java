package wirelab.sockets.nio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's byte counts for one TCP connection on this machine, from {@code /proc/net/tcp}
 * (and {@code tcp6}): what a socket still has to send or to have acknowledged ({@code tx_queue})
 * and what arrived but its program has not read yet ({@code rx_queue}). Lets a test see where the
 * bytes of an echo are without reading them. Linux only.
 */
final class TcpQueues {

    /** One socket's queues, in bytes. */
    record Queues(long unsent, long unread) {
    }

    private TcpQueues() {
    }

    /**
     * The queues of both ends of the loopback connection between {@code clientPort} and
     * {@code serverPort}, read in one pass: {client, server}, or null when either is not listed.
     */
    static Queues[] of(int clientPort, int serverPort) {
        Queues[] ends = new Queues[2];
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException e) {
                continue;
            }
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 5) {
                    continue;
                }
                int local = port(f[1]);
                int remote = port(f[2]);
                int end = local == clientPort && remote == serverPort ? 0 : local == serverPort && remote == clientPort ? 1 : -1;
                if (end >= 0) {
                    String[] q = f[4].split(":");
                    ends[end] = new Queues(Long.parseLong(q[0], 16), Long.parseLong(q[1], 16));
                }
            }
        }
        return ends[0] == null || ends[1] == null ? null : ends;
    }

    /** True when this machine lists its connections where {@link #of} reads them. */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
    }
}
