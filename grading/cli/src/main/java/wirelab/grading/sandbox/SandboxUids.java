package wirelab.grading.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The unprivileged uids test JVMs run as when the grader is root: one uid per test JVM at a time,
 * from a range no account uses ({@value #ENV}, default 61000-61255). A uid of its own is
 * what makes the rest possible without namespaces: after the JVM ends, every process of that uid
 * is ended (a setsid or double-forked child included, which no process group holds), everything
 * that uid owns outside the work folder is found by owner, and RLIMIT_NPROC counts only its processes.
 *
 * <p>A uid is held by an advisory lock on a file under {@code /run/wirelab/uids}, so two graders on
 * one machine never share one (and never end each other's JVMs); the kernel drops the lock when a
 * grader dies, and the next holder first ends whatever that grader left running.
 */
public final class SandboxUids {

    public static final String ENV = "WIRELAB_SANDBOX_UIDS";
    public static final int DEFAULT_FIRST = 61000;
    public static final String DEFAULT_RANGE = DEFAULT_FIRST + "-" + (DEFAULT_FIRST + 255);

    /** One uid held for one test JVM's spec; {@link #close} gives it back. */
    public final class Lease implements AutoCloseable {
        private final int uid;
        private final FileChannel channel;
        private final FileLock lock;

        private Lease(int uid, FileChannel channel, FileLock lock) {
            this.uid = uid;
            this.channel = channel;
            this.lock = lock;
        }

        public int uid() {
            return uid;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // the lock goes with the channel, or with the process
            }
            synchronized (held) {
                held.remove(uid);
            }
        }
    }

    private final int first;
    private final int last;
    private final Path locks;
    private final Set<Integer> held = new HashSet<>();
    private final Set<Integer> taken;

    private SandboxUids(int first, int last, Path locks, Set<Integer> taken) {
        this.first = first;
        this.last = last;
        this.locks = locks;
        this.taken = taken;
    }

    /** The range from {@value #ENV} (or the system property wirelab.sandbox.uids, for tests; else the default), the uids accounts already use left out. */
    static SandboxUids fromEnvironment(Path fallbackLocks) {
        String spec = System.getProperty("wirelab.sandbox.uids", System.getenv().getOrDefault(ENV, DEFAULT_RANGE)).strip();
        String[] bounds = spec.split("-", 2);
        int lo;
        int hi;
        try {
            lo = Integer.parseInt(bounds[0].strip());
            hi = bounds.length == 2 ? Integer.parseInt(bounds[1].strip()) : lo;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV + "=" + spec + ": expected FIRST-LAST, e.g. " + DEFAULT_RANGE);
        }
        if (lo < 1000 || hi < lo || hi >= 65534) {
            throw new IllegalArgumentException(ENV + "=" + spec + ": a range of unused uids between 1000 and 65533");
        }
        Path run = Path.of("/run");
        Path locks = Files.isDirectory(run) && Files.isWritable(run) ? run.resolve("wirelab/uids") : fallbackLocks;
        return new SandboxUids(lo, hi, locks, accountUids());
    }

    /** "61000-61255". */
    public String range() {
        return first + "-" + last;
    }

    public int first() {
        return first;
    }

    /**
     * Holds a free uid of the range and ends whatever a dead grader left running under it.
     *
     * @throws IllegalStateException when every uid of the range is held
     */
    public Lease acquire() {
        try {
            Files.createDirectories(locks);
            Perms.set(locks, "rwx------");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + locks, e);
        }
        for (int uid = first; uid <= last; uid++) {
            if (taken.contains(uid)) {
                continue;
            }
            synchronized (held) {
                if (!held.add(uid)) {
                    continue;
                }
            }
            Lease lease = tryLock(uid);
            if (lease != null) {
                killAll(uid);
                return lease;
            }
            synchronized (held) {
                held.remove(uid);
            }
        }
        throw new IllegalStateException("every sandbox uid of " + range() + " is in use (" + ENV + " sets the range)");
    }

    /** Holds {@code uid} if nobody does, without ending anything (to look at what it left); null when held. */
    public Lease tryHold(int uid) {
        synchronized (held) {
            if (!held.add(uid)) {
                return null;
            }
        }
        Lease lease = tryLock(uid);
        if (lease == null) {
            synchronized (held) {
                held.remove(uid);
            }
        }
        return lease;
    }

    private Lease tryLock(int uid) {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(locks.resolve(Integer.toString(uid)), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock != null) {
                return new Lease(uid, ch, lock);
            }
        } catch (IOException | OverlappingFileLockException e) {
            // held elsewhere
        }
        try {
            if (ch != null) {
                ch.close();
            }
        } catch (IOException e) {
            // nothing held
        }
        return null;
    }

    /** The launcher prefix that runs a command as {@code uid}: its own group, no supplementary groups. */
    public static List<String> as(int uid) {
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--");
    }

    /** A live process of a sandbox uid: pid and command name. */
    public record Proc(long pid, String name) {
    }

    /**
     * Ends every process of {@code uid}: kill(-1, SIGKILL) sent as that uid reaches exactly its
     * processes (the kernel decides, so a reused pid is never hit), repeated until none is left.
     *
     * @return the processes there were (names for the feedback)
     */
    public static List<Proc> killAll(int uid) {
        List<Proc> found = processes(uid);
        List<Proc> left = found;
        for (int round = 0; round < 50 && !left.isEmpty(); round++) {
            List<String> kill = new ArrayList<>(as(uid));
            kill.addAll(List.of("/bin/sh", "-c", "kill -KILL -1"));
            run(kill);
            left = processes(uid);
            if (!left.isEmpty()) {
                sleep(round < 5 ? 5 : 50);   // a dying process may still show; a forking one shows anew
            }
        }
        return found;
    }

    /**
     * The live (not zombie) processes of {@code uid}, from /proc: a process's folder there belongs to
     * its effective uid, so one stat per process finds them (cheap enough to watch memory with).
     */
    public static List<Proc> processes(int uid) {
        List<Proc> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    if ((Integer) Files.getAttribute(p, "unix:uid") != uid) {
                        continue;
                    }
                    // "pid (name) S ...": the name may hold spaces and parentheses, the state follows the last ')'
                    String stat = Files.readString(p.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    char state = close + 2 < stat.length() ? stat.charAt(close + 2) : '?';
                    if (state != 'Z' && state != 'X') {
                        out.add(new Proc(Long.parseLong(p.getFileName().toString()),
                                stat.substring(stat.indexOf('(') + 1, Math.max(stat.indexOf('(') + 1, close))));
                    }
                } catch (IOException | UncheckedIOException | NumberFormatException e) {
                    // ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list /proc", e);
        }
        return out;
    }

    /** Uids /etc/passwd gives to accounts other than the sandbox's own (setup.sh names them wirelab-sandbox-N). */
    private static Set<Integer> accountUids() {
        Set<Integer> out = new HashSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":");
                if (f.length > 2 && !f[0].startsWith("wirelab-sandbox")) {
                    try {
                        out.add(Integer.parseInt(f[2]));
                    } catch (NumberFormatException e) {
                        // not an account line
                    }
                }
            }
        } catch (IOException e) {
            // no passwd file: no accounts to avoid
        }
        return out;
    }

    static boolean run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
