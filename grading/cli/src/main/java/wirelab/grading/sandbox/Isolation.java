package wirelab.grading.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import wirelab.grading.run.Sandbox;

/**
 * Finds, at start, the strongest isolation this machine offers, by trying each layer for real
 * (a trivial bwrap run, a cgroup made and removed, a JVM started as a sandbox uid) rather than
 * guessing from what is installed. {@code WIRELAB_SANDBOX=plain|limits|uid|bwrap} (or the system
 * property {@code wirelab.sandbox}, for tests) forces a level (uid: the sandbox uid without
 * bubblewrap, as on Gradescope).
 */
public final class Isolation {

    public static final long MEMORY_BYTES = 768L * 1024 * 1024;
    public static final int PIDS = 512;

    private Isolation() {
    }

    /** @param base a folder the sandboxed uid can traverse (the hosts file and, failing /run, the uid locks live there) */
    public static Sandbox detect(Path javaHome, Path base) {
        String forced = System.getProperty("wirelab.sandbox", System.getenv().getOrDefault("WIRELAB_SANDBOX", "auto"));
        if (forced.equals("plain")) {
            return Sandbox.PLAIN;
        }
        boolean prlimit = works(List.of("prlimit", "--nofile=1024", "--", "true"));
        boolean root = isRoot();
        Cgroups cgroups = root ? Cgroups.detect(MEMORY_BYTES, PIDS) : null;
        Path hosts = base.resolve("etc-hosts");
        List<Path> systemDirs = systemDirs();
        if (forced.equals("limits")) {
            return new IsolatedSandbox(false, false, null, null, prlimit, cgroups, hosts, systemDirs);
        }
        SandboxUids uids = null;
        SandboxUids.Lease probeUid = null;
        if (root) {
            uids = SandboxUids.fromEnvironment(base.resolve("uids"));
            probeUid = uids.acquire();
            List<String> java = new ArrayList<>(SandboxUids.as(probeUid.uid()));
            java.addAll(List.of(javaHome.resolve("bin/java").toString(), "-Xshare:auto", "-version"));
            if (!works(java)) {
                probeUid.close();
                throw new IllegalStateException("the grader runs as root, but a JDK started as an unprivileged uid ("
                        + String.join(" ", java) + ") does not run: setpriv (util-linux) must be installed and the JDK at "
                        + javaHome + " readable by every user (install it under /usr/lib/jvm), so that student code never"
                        + " runs as root");
            }
        }
        try {
            Files.createDirectories(base);
            Files.writeString(hosts, "127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n");
            Perms.set(hosts, "rw-r--r--");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + hosts, e);
        }
        boolean bwrap = false;
        boolean tmpfsSize = false;
        String bwrapProblem = null;
        if (!forced.equals("uid") && wirelab.testkit.Tools.find("bwrap").isPresent()) {
            List<String> as = probeUid == null ? List.of() : SandboxUids.as(probeUid.uid());
            Probe sized = probe(bwrapProbe(javaHome, systemDirs, as, true));
            tmpfsSize = sized.ok();
            bwrap = tmpfsSize || probe(bwrapProbe(javaHome, systemDirs, as, false)).ok();
            bwrapProblem = bwrap ? null : sized.output();
        }
        if (probeUid != null) {
            probeUid.close();
        }
        return new IsolatedSandbox(bwrap, tmpfsSize, bwrapProblem, uids, prlimit, cgroups, hosts, systemDirs);
    }

    /** The level WIRELAB_SANDBOX (or wirelab.sandbox) forces, or null when the strongest found is used. */
    public static String forcedLevel() {
        String forced = System.getProperty("wirelab.sandbox", System.getenv().getOrDefault("WIRELAB_SANDBOX", "auto"));
        return forced.equals("auto") ? null : forced;
    }

    /** Whether this process runs as root (effective uid 0). */
    public static boolean isRoot() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static List<String> bwrapProbe(Path javaHome, List<Path> systemDirs, List<String> as, boolean sized) {
        List<String> probe = new ArrayList<>(as);
        probe.addAll(List.of("bwrap", "--unshare-all", "--die-with-parent", "--proc", "/proc", "--dev", "/dev"));
        if (sized) {
            probe.addAll(List.of("--size", Long.toString(IsolatedSandbox.DISK_BYTES)));
        }
        probe.addAll(List.of("--tmpfs", "/tmp"));
        for (Path d : systemDirs) {
            probe.addAll(List.of("--ro-bind-try", d.toString(), d.toString()));
        }
        probe.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString(),
                javaHome.resolve("bin/java").toString(), "-Xshare:auto", "-version"));
        return probe;
    }

    /**
     * The read-only system folders a test JVM needs: libraries, the JDK's config where Debian links
     * it, and the configuration of the real peers labs drive (Chromium reads /etc/chromium.d, fonts;
     * Google Chrome, which the Gradescope bundle installs as chromium, lives in /opt/google/chrome).
     */
    static List<Path> systemDirs() {
        List<Path> dirs = new ArrayList<>();
        for (String d : List.of("/usr", "/lib", "/lib64", "/lib32", "/bin", "/etc/alternatives", "/etc/localtime",
                "/etc/ld.so.cache", "/etc/chromium.d", "/etc/chromium", "/etc/fonts", "/opt/google/chrome")) {
            if (Files.exists(Path.of(d))) {
                dirs.add(Path.of(d));
            }
        }
        try (var etc = Files.list(Path.of("/etc"))) {
            etc.filter(p -> p.getFileName().toString().startsWith("java-")).sorted().forEach(dirs::add);
        } catch (IOException e) {
            // no /etc/java-*: a JDK that keeps its config inside
        }
        return dirs;
    }

    private static boolean works(List<String> command) {
        return probe(command).ok();
    }

    /** A command's exit and its first line of output (what went wrong, in its own words). */
    private record Probe(boolean ok, String output) {
    }

    private static Probe probe(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Probe(false, "no answer in 20 s");
            }
            String first = new String(out, java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            return new Probe(p.exitValue() == 0, first);
        } catch (IOException e) {
            return new Probe(false, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(false, "interrupted");
        }
    }
}
