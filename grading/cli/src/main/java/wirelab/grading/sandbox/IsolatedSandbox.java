package wirelab.grading.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import wirelab.grading.files.Folders;
import wirelab.grading.run.Sandbox;
import wirelab.grading.run.TestJvmSpec;
import wirelab.grading.run.Threat;

/**
 * The strongest isolation found at start, as one launcher prefix:
 * {@code sh} (joins the JVM's cgroups) → {@code prlimit} (CPU time, processes, files, no core dumps)
 * → {@code setpriv} (a sandbox uid of its own, see {@link SandboxUids}) → {@code bwrap} (no network
 * but loopback, private /tmp and /proc, read-only JDK, libraries and classes, the work folder the
 * only writable place) or, without it, {@code env -i} → {@code java}. Each layer is present only
 * when {@link Isolation#detect} proved it works.
 *
 * <p>With a sandbox uid (the grader runs as root) each test JVM's spec gets a uid of its own, its
 * work folder (0700, that uid's), and a copy of its class folders only that uid can read (the
 * grader's own folders stay closed to it); while the JVM runs, its disk and memory are watched;
 * after it ends, every process of the uid is ended and whatever it owns outside its folder is
 * reported and removed, before anything it wrote is read.
 */
public final class IsolatedSandbox implements Sandbox {

    /** The most a test JVM's files may take, its work folder and temporary files together. */
    public static final long DISK_BYTES = 512L << 20;
    private static final long WATCH_NANOS = 250_000_000L;

    private final boolean bwrap;
    /** Whether this bubblewrap can cap its /tmp (--size, bubblewrap 0.8+). */
    private final boolean tmpfsSize;
    private final String bwrapProblem;
    private final SandboxUids uids;
    private final boolean prlimit;
    private final Cgroups cgroups;
    private final Path hostsFile;
    private final List<Path> systemDirs;
    private final Strays strays = new Strays(Strays.PLACES);
    /** Per spec (its work folder): the uid it holds and its staged class path. */
    private final Map<Path, Held> held = new ConcurrentHashMap<>();
    private final Map<Path, Long> lastWatch = new ConcurrentHashMap<>();
    /** Bytes in each work folder when its JVM started: the disk limit counts what that JVM adds. */
    private final Map<Path, Long> baseline = new ConcurrentHashMap<>();

    private record Held(SandboxUids.Lease lease, Path staged, String classpath) {
    }

    /** Every uid this sandbox's JVMs ran as (for {@link #leftovers}). */
    private final Set<Integer> used = ConcurrentHashMap.newKeySet();

    IsolatedSandbox(boolean bwrap, boolean tmpfsSize, String bwrapProblem, SandboxUids uids, boolean prlimit,
            Cgroups cgroups, Path hostsFile, List<Path> systemDirs) {
        this.bwrap = bwrap;
        this.tmpfsSize = tmpfsSize;
        this.bwrapProblem = bwrapProblem;
        this.uids = uids;
        this.prlimit = prlimit;
        this.cgroups = cgroups;
        this.hostsFile = hostsFile;
        this.systemDirs = systemDirs;
    }

    /** Whether test JVMs run as sandbox uids (the grader is root and setpriv works). */
    public boolean sandboxUids() {
        return uids != null;
    }

    /** The sandbox uids' range, or null without them. */
    public SandboxUids uids() {
        return uids;
    }

    public boolean bubblewrap() {
        return bwrap;
    }

    /** Why bubblewrap did not work here (its own words), or null when it works or is not installed. */
    public String bubblewrapProblem() {
        return bwrapProblem;
    }

    @Override
    public boolean confines(Threat threat) {
        // without a uid or namespaces of its own, RLIMIT_NPROC counts every process of the grader's user
        // and a setsid child leaves the tree the watch measures: limits, not confinement
        return (threat != Threat.EXHAUST || prlimit) && (bwrap || uids != null);
    }

    @Override
    public List<String> wrap(List<String> command, TestJvmSpec spec) {
        List<String> cmd = command;
        Held h = null;
        Path work = key(spec);
        if (uids != null) {
            h = held.get(work);
            if (h == null) {
                h = hold(spec);
                held.put(work, h);
            } else {
                emptyFolder(work);   // a fresh JVM after one that died: what the last one wrote is read and gone
            }
            cmd = withClasspath(command, spec, h.classpath());
        }
        baseline.put(work, Strays.bytes(work));
        List<String> out = new ArrayList<>();
        if (cgroups != null) {
            List<String> procs = cgroups.create(groupName(spec));
            if (!procs.isEmpty()) {
                out.addAll(List.of("/bin/sh", "-c",
                        "while [ \"$1\" != -- ]; do echo $$ > \"$1\"; shift; done; shift; exec \"$@\"", "sh"));
                out.addAll(procs);
                out.add("--");
            }
        }
        if (prlimit) {
            long cpu = Math.max(30, spec.wall().toSeconds() * 2);
            out.addAll(List.of("prlimit", "--cpu=" + cpu, "--nofile=1024", "--core=0",
                    "--fsize=" + 64L * 1024 * 1024));
            if (cgroups == null || h != null) {
                // counted per real uid: a sandbox uid's own processes, or (without one) all of the grader's
                out.add("--nproc=" + 1024);
            }
            out.add("--");
        }
        if (h != null) {
            out.addAll(SandboxUids.as(h.lease().uid()));
        }
        if (bwrap) {
            out.addAll(List.of("bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--proc", "/proc", "--dev", "/dev"));
            if (tmpfsSize) {
                out.addAll(List.of("--size", Long.toString(DISK_BYTES)));
            }
            out.addAll(List.of("--tmpfs", "/tmp"));
            for (Path dir : systemDirs) {
                out.addAll(List.of("--ro-bind-try", dir.toString(), dir.toString()));
            }
            out.addAll(List.of("--ro-bind", hostsFile.toString(), "/etc/hosts"));
            Path javaHome = spec.javaHome().toAbsolutePath().normalize();
            out.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
            List<Path> cp = h == null ? spec.classpath()
                    : Stream.of(h.classpath().split(File.pathSeparator)).map(Path::of).toList();
            for (Path entry : roots(cp, spec.jvmOptions())) {
                out.addAll(List.of("--ro-bind", entry.toString(), entry.toString()));
            }
            // the root the binds hang from becomes read-only: the work folder and the private /tmp stay the only writable places
            out.addAll(List.of("--bind", work.toString(), work.toString(), "--remount-ro", "/", "--chdir", work.toString(),
                    "--", "/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "HOME=" + work, "LANG=C.UTF-8"));
        } else if (h != null) {
            // the grader's environment may name its folders or hold secrets: the JVM gets a clean one
            out.addAll(cleanEnvironment(work));
        }
        out.addAll(cmd);
        return out;
    }

    /**
     * Holds a uid for this spec and prepares what the JVM needs: its work folder, the uid's own
     * (0700), and its class folders copied where only that uid can read them (root:uid 0750), beside the folder.
     */
    private Held hold(TestJvmSpec spec) {
        SandboxUids.Lease lease = uids.acquire();
        used.add(lease.uid());
        try {
            Path work = key(spec);
            if (!Perms.traversableByOthers(work.getParent())) {
                throw new IllegalStateException("the sandbox uid cannot reach " + work + ": a folder above it is closed to"
                        + " other users (the grader's scratch folders are 0711 for this)");
            }
            Files.createDirectories(work);
            Perms.own(work, lease.uid(), lease.uid());
            Perms.set(work, "rwx------");
            Path staged = work.resolveSibling(work.getFileName() + ".classpath");
            Folders.delete(staged);
            Files.createDirectories(staged);
            Files.setAttribute(staged, "unix:gid", lease.uid(), LinkOption.NOFOLLOW_LINKS);
            Perms.set(staged, "rwxr-x---");
            List<String> entries = new ArrayList<>();
            int i = 0;
            for (Path entry : spec.classpath()) {
                Path abs = entry.toAbsolutePath().normalize();
                if (Files.isRegularFile(abs) && Perms.readableByOthers(abs)) {
                    entries.add(abs.toString());   // the bundle's jars: world-readable on purpose
                } else if (Files.exists(abs)) {
                    Path copy = staged.resolve(i++ + "-" + abs.getFileName());
                    if (Files.isDirectory(abs)) {
                        Perms.copyReadableBy(abs, copy, lease.uid());
                    } else {
                        Files.copy(abs, copy);
                        Files.setAttribute(copy, "unix:gid", lease.uid(), LinkOption.NOFOLLOW_LINKS);
                        Perms.set(copy, "rw-r-----");
                    }
                    entries.add(copy.toString());
                }
            }
            return new Held(lease, staged, String.join(File.pathSeparator, entries));
        } catch (IOException | RuntimeException e) {
            lease.close();
            throw e instanceof IOException io ? new UncheckedIOException("cannot prepare " + spec.workDir()
                    + " for the sandbox uid", io) : (RuntimeException) e;
        }
    }

    /** Removes what is in {@code dir}, not the folder (its uid's processes have ended: nothing changes underneath). */
    private static void emptyFolder(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Folders.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + dir, e);
        }
    }

    /** The command with its class path replaced by the staged one (the launchers build it from the spec). */
    private static List<String> withClasspath(List<String> command, TestJvmSpec spec, String staged) {
        String original = spec.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        List<String> out = new ArrayList<>(command);
        for (int i = 0; i + 1 < out.size(); i++) {
            if ((out.get(i).equals("-cp") || out.get(i).equals("-classpath")) && out.get(i + 1).equals(original)) {
                out.set(i + 1, staged);
            }
        }
        return out;
    }

    /**
     * env -i, then what the tests may need: PATH (the folders every user may enter), the locale and
     * time zone, CI and WIRELAB_REQUIRE_TOOLS (a missing peer fails a test on CI), a home and temp of its own.
     */
    private static List<String> cleanEnvironment(Path work) {
        List<String> out = new ArrayList<>(List.of("/usr/bin/env", "-i"));
        out.add("PATH=" + String.join(File.pathSeparator, sandboxPath()));
        for (String name : List.of("LANG", "LC_ALL", "TZ", "CI", "WIRELAB_REQUIRE_TOOLS")) {
            String v = System.getenv(name);
            if (v != null) {
                out.add(name + "=" + v);
            }
        }
        if (System.getenv("LANG") == null) {
            out.add("LANG=C.UTF-8");
        }
        out.addAll(List.of("HOME=" + work, "TMPDIR=" + work));
        return out;
    }

    /** The PATH a sandbox uid gets without bubblewrap: the grader's folders every user may enter. */
    private static List<String> sandboxPath() {
        List<String> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isBlank() && Perms.traversableByOthers(Path.of(d))).toList();
        return path.isEmpty() ? List.of("/usr/bin", "/bin") : path;
    }

    /**
     * Without bubblewrap, a sandbox uid runs a peer only where every user may: a program the grader
     * finds in a folder of its own (root's pyenv, say) is missing for the tests, so it is left out of
     * the maximum rather than failed for everyone.
     */
    @Override
    public boolean canRun(String program) {
        if (uids == null || bwrap) {
            return Sandbox.super.canRun(program);
        }
        for (String dir : sandboxPath()) {
            try {
                Path real = Path.of(dir, program).toRealPath();
                if (Files.isRegularFile(real) && Perms.traversableByOthers(real.getParent())
                        && Files.getPosixFilePermissions(real).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    return true;
                }
            } catch (IOException | UnsupportedOperationException e) {
                // not there
            }
        }
        return false;
    }

    @Override
    public String exceeded(TestJvmSpec spec, ProcessHandle jvm) {
        Path work = key(spec);
        long now = System.nanoTime();
        Long last = lastWatch.get(work);
        if (last != null && now - last < WATCH_NANOS) {
            return null;
        }
        lastWatch.put(work, now);
        Held h = held.get(work);
        long disk = Strays.bytes(work) - baseline.getOrDefault(work, 0L);
        if (h != null && !bwrap) {
            // without bubblewrap the uid may write the shared temporary folders; with it, none is
            // reachable (private /tmp, read-only root), and a walk of the host's /tmp every look
            // costs the tool a core's share on a machine whose /tmp holds thousands of entries
            disk += strays.find(h.lease().uid()).stream().mapToLong(Strays.Found::bytes).sum();
        }
        if (disk > DISK_BYTES) {
            return "disk limit: the code wrote " + mib(disk) + " of files (its work folder and temporary files; at most "
                    + mib(DISK_BYTES) + ") and was stopped";
        }
        if (cgroups == null || !cgroups.limitsMemory()) {
            List<Long> pids = h != null ? SandboxUids.processes(h.lease().uid()).stream().map(SandboxUids.Proc::pid).toList()
                    : Stream.concat(Stream.of(jvm), jvm.descendants()).map(ProcessHandle::pid).toList();
            long memory = pids.stream().mapToLong(IsolatedSandbox::memoryOf).sum();
            if (memory > Isolation.MEMORY_BYTES) {
                return "memory limit: the code's processes used " + mib(memory) + " (at most " + mib(Isolation.MEMORY_BYTES)
                        + ") and were stopped";
            }
        }
        return null;
    }

    @Override
    public List<String> ended(TestJvmSpec spec) {
        Held h = held.get(key(spec));
        return h == null ? List.of() : sweep(h.lease().uid());
    }

    /** Ends every process of the uid, then removes what it owns outside its work folder: what there was. */
    private List<String> sweep(int uid) {
        List<String> notes = new ArrayList<>();
        // bubblewrap's own init of the JVM's PID namespace may still be on its way out: ended all the same, not reported
        List<SandboxUids.Proc> left = SandboxUids.killAll(uid).stream().filter(p -> !p.name().equals("bwrap")).toList();
        if (!left.isEmpty()) {
            notes.add("the sandbox ended " + left.size() + " process(es) still running when the test JVM ended ("
                    + left.stream().map(SandboxUids.Proc::name).distinct().limit(5).collect(Collectors.joining(", "))
                    + "): nothing a test starts outlives it");
        }
        List<Strays.Found> all = strays.find(uid);
        Strays.remove(all);
        List<Strays.Found> found = all.stream().filter(f -> !Strays.jvmsOwn(f.path())).toList();
        if (!found.isEmpty()) {
            notes.add("the code wrote outside its work folder (removed): " + found.stream().limit(5)
                    .map(f -> f.path() + " (" + mib(f.bytes()) + ")").collect(Collectors.joining(", "))
                    + (found.size() > 5 ? " and " + (found.size() - 5) + " more" : ""));
        }
        List<String> ipc = Strays.removeIpc(uid);
        if (!ipc.isEmpty()) {
            notes.add("the code left " + String.join(", ", ipc) + " behind (removed)");
        }
        return notes;
    }

    /** Frees what this spec's JVMs held (uid, cgroups, staged classes); true when one of them ran out of memory. */
    public boolean release(TestJvmSpec spec) {
        Path work = key(spec);
        lastWatch.remove(work);
        baseline.remove(work);
        Held h = held.remove(work);
        if (h != null) {
            try {
                sweep(h.lease().uid());
                Folders.delete(h.staged());
                // the next holder of this uid grades someone else: this folder (results, output) is closed to it
                Perms.own(work, 0, 0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot take " + work + " back from its sandbox uid", e);
            } finally {
                h.lease().close();
            }
        }
        if (cgroups == null) {
            return false;
        }
        boolean oom = cgroups.oomKilled(groupName(spec));
        cgroups.remove(groupName(spec));
        return oom;
    }

    /**
     * Processes still running as a uid this sandbox's JVMs ran as and nobody holds now: each would
     * be a process that outlived its test in spite of {@link #ended}. Ends them and says what they were.
     */
    public List<String> leftovers() {
        List<String> out = new ArrayList<>();
        for (int uid : used) {
            try (SandboxUids.Lease lease = uids.tryHold(uid)) {
                if (lease == null) {
                    continue;   // another test JVM runs as it now
                }
                List<SandboxUids.Proc> left = SandboxUids.killAll(uid);
                if (!left.isEmpty()) {
                    out.add(left.size() + " process(es) of sandbox uid " + uid + " outlived their test ("
                            + left.stream().map(SandboxUids.Proc::name).distinct().collect(Collectors.joining(", ")) + ")");
                }
            }
        }
        return out;
    }

    private static Path key(TestJvmSpec spec) {
        return spec.workDir().toAbsolutePath().normalize();
    }

    private static String groupName(TestJvmSpec spec) {
        return "jvm-" + Integer.toHexString(spec.workDir().toAbsolutePath().toString().hashCode()) + "-"
                + ProcessHandle.current().pid();
    }

    /** Proportional set size (shared pages split among their users), else resident size, in bytes; 0 when gone. */
    static long memoryOf(long pid) {
        for (String[] source : new String[][] {{"smaps_rollup", "Pss:"}, {"status", "VmRSS:"}}) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), source[0]))) {
                    if (line.startsWith(source[1])) {
                        return Long.parseLong(line.substring(source[1].length()).strip().split("\\s+")[0]) * 1024;
                    }
                }
            } catch (IOException | UncheckedIOException | NumberFormatException e) {
                // not there (older kernel, or the process ended): try the next, else 0
            }
        }
        return 0;
    }

    /** The folders to bind read-only: each class path entry's folder (jars of one folder bound once), the CDS archive's. */
    private static Set<Path> roots(List<Path> classpath, List<String> jvmOptions) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : classpath) {
            Path abs = p.toAbsolutePath().normalize();
            out.add(Files.isDirectory(abs) ? abs : abs.getParent());
        }
        for (String option : jvmOptions) {
            if (option.startsWith("-XX:SharedArchiveFile=")) {
                Path archive = Path.of(option.substring("-XX:SharedArchiveFile=".length())).toAbsolutePath();
                if (Files.isRegularFile(archive)) {
                    out.add(archive.getParent());
                }
            }
        }
        return out;
    }

    static String mib(long bytes) {
        return bytes < (1 << 20) ? (bytes + 1023) / 1024 + " KiB" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (bwrap) {
            parts.add("bubblewrap (no network but loopback, private /tmp, read-only JDK and classes, only the"
                    + " grading folder writable)");
        }
        if (uids != null) {
            parts.add("sandbox uids " + uids.range() + " (one per test JVM: course, results and other students unreadable,"
                    + " every process of the uid ended with its JVM, its files outside its folder removed)");
        }
        if (!bwrap && uids == null) {
            parts.add("plain fork (neither bubblewrap nor a sandbox uid: the code runs with the grader's own rights)");
        }
        if (cgroups != null) {
            parts.add(cgroups.describe());
        }
        if (prlimit) {
            parts.add("prlimit (CPU time, processes, open files, file size, no core dumps)");
        }
        parts.add("disk " + mib(DISK_BYTES) + (cgroups != null && cgroups.limitsMemory() ? ""
                : ", memory " + mib(Isolation.MEMORY_BYTES)) + " watched");
        return String.join(" + ", parts);
    }

    @Override
    public String level() {
        return bwrap && uids != null ? "bubblewrap + sandbox uid" : bwrap ? "bubblewrap" : uids != null ? "sandbox uid"
                : prlimit ? "limits only" : "plain fork";
    }

    @Override
    public void guard(List<Guarded> guarded, Consumer<String> say) {
        Exposure.close(this, guarded, say);
        Exposure.readableHomes(this).forEach(say);
    }

    @Override
    public List<Remark> remarks(Path course, List<Path> secrets) {
        if (uids == null || bwrap) {
            return List.of();
        }
        List<Remark> out = new ArrayList<>();
        out.add(new Remark("network", "NOT confined without bubblewrap: a sandbox uid may open connections, to the"
                + " internet and to the servers of submissions graded at the same time on loopback (grade with"
                + " --jobs 1 to keep them apart; on Gradescope each submission has a container of its own)"));
        if (!Exposure.readable(this, secrets).isEmpty()) {
            out.add(new Remark(null, "the course checkout " + course + " is readable by every user: ./wirelab grade and demo"
                    + " close it to others (chmod o-rwx) before any student code runs"));
        }
        Exposure.readableHomes(this).forEach(w -> out.add(new Remark(null, w)));
        return out;
    }

    @Override
    public List<String> advice() {
        return BubblewrapAdvice.of(this);
    }

    @Override
    public String explain(Threat threat) {
        String own = "NOT confined: the code runs with the grader's own rights";
        return switch (threat) {
            case READ -> bwrap ? "confined: the test JVM sees only the JDK, the system's libraries, its classes and its"
                    + " work folder" + (uids != null ? ", as a sandbox uid" : "")
                    : uids != null ? "confined: a sandbox uid reads only what every user may read (the system, the"
                            + " JDK); the course, the results and other students are closed to it (0700/0750), its"
                            + " classes are copied where only it can read them"
                    : own;
            case WRITE -> bwrap ? "confined: only its work folder is writable; /tmp is private"
                    : uids != null ? "confined: it may write its work folder and the shared temporary folders ("
                            + strays.places().stream().map(Path::toString).collect(Collectors.joining(", "))
                            + "); what it leaves there is found by owner, reported in the feedback and removed when its"
                            + " JVM ends"
                    : own;
            case OUTLIVE -> bwrap ? "confined: its processes live in a PID namespace that ends with the test JVM"
                    + (uids != null ? ", and every process of its uid is ended" : "")
                    : uids != null ? "confined: every process of the sandbox uid (setsid or double-forked ones"
                            + " included) is ended when its JVM ends, before its results are read"
                    : "NOT confined: only the JVM's own process tree is ended; a setsid child escapes";
            case REACH -> bwrap ? "confined: the grader is outside its PID namespace (no signals, ptrace or /proc)"
                    : uids != null ? "confined: another uid cannot signal, ptrace or attach to the grader, nor read"
                            + " its /proc/<pid>/environ, fd or memory (its command line, like every process's, is"
                            + " visible without a PID namespace)"
                    : own;
            case EXHAUST -> !prlimit ? "NOT confined: no prlimit, only the JVM's own heap limit"
                    : !bwrap && uids == null ? "NOT confined, only limited: CPU time, open files and file size by prlimit,"
                            + " processes by RLIMIT_NPROC counted over all of your own processes, disk and memory watched"
                            + " over the JVM's own process tree (a setsid child leaves it)"
                    : "confined: CPU time, open files and file size by prlimit; processes by "
                            + (uids != null ? "RLIMIT_NPROC per sandbox uid" : cgroups != null ? "a pids cgroup"
                                    : "RLIMIT_NPROC (counted over all of the grader's processes)")
                            + (cgroups != null ? " and a pids cgroup" : "") + "; memory by "
                            + (cgroups != null && cgroups.limitsMemory() ? "a memory cgroup"
                                    : "watching the processes' memory (" + mib(Isolation.MEMORY_BYTES) + ")")
                            + "; disk by watching its files (" + mib(DISK_BYTES) + ")";
        };
    }
}
