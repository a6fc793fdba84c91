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
 * (a trivial bwrap run, a cgroup made and removed, setpriv to nobody) rather than guessing from
 * what is installed. {@code WIRELAB_SANDBOX=plain|limits|bwrap} forces a level for tests.
 */
public final class Isolation {

    public static final long MEMORY_BYTES = 768L * 1024 * 1024;
    public static final int PIDS = 512;

    private Isolation() {
    }

    /** @param base a folder the sandboxed uid can read (hosts file lives there) */
    public static Sandbox detect(Path javaHome, Path base) {
        String forced = System.getenv().getOrDefault("WIRELAB_SANDBOX", "auto");
        if (forced.equals("plain")) {
            return Sandbox.PLAIN;
        }
        boolean prlimit = works(List.of("prlimit", "--nofile=1024", "--", "true"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Cgroups cgroups = root ? Cgroups.detect(MEMORY_BYTES, PIDS) : null;
        Path hosts = base.resolve("etc-hosts");
        List<Path> systemDirs = systemDirs();
        boolean bwrap = false;
        boolean setpriv = false;
        if (!forced.equals("limits")) {
            try {
                Files.createDirectories(base);
                Files.writeString(hosts, "127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n");
            } catch (IOException e) {
                return new IsolatedSandbox(false, false, prlimit, cgroups, hosts, systemDirs);
            }
            List<String> probe = new ArrayList<>(List.of("bwrap", "--unshare-all", "--die-with-parent",
                    "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
            for (Path d : systemDirs) {
                probe.addAll(List.of("--ro-bind-try", d.toString(), d.toString()));
            }
            probe.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString(),
                    javaHome.resolve("bin/java").toString(), "-Xshare:auto", "-version"));
            bwrap = works(probe);
            if (bwrap && root) {
                List<String> unprivileged = new ArrayList<>(List.of("setpriv", "--reuid=" + IsolatedSandbox.NOBODY,
                        "--regid=" + IsolatedSandbox.NOBODY, "--clear-groups", "--"));
                unprivileged.addAll(probe);
                setpriv = works(unprivileged);
            }
        }
        return new IsolatedSandbox(bwrap, setpriv, prlimit, cgroups, hosts, systemDirs);
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
}
