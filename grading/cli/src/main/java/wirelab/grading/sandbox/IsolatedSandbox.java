package wirelab.grading.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import wirelab.grading.run.Sandbox;
import wirelab.grading.run.TestJvmSpec;

/**
 * The strongest isolation found at start, as one launcher prefix:
 * {@code sh} (joins the JVM's cgroups) → {@code prlimit} (CPU time, files, no core dumps)
 * → {@code setpriv} (uid/gid 65534, no groups) → {@code bwrap} (no network but loopback, private
 * /tmp and /proc, read-only JDK, libraries and classes, the grading folder the only writable place)
 * → {@code java}. Each layer is present only when {@link Isolation#detect} proved it works.
 */
public final class IsolatedSandbox implements Sandbox {

    static final int NOBODY = 65534;

    private final boolean bwrap;
    private final boolean setpriv;
    private final boolean prlimit;
    private final Cgroups cgroups;
    private final Path hostsFile;
    private final List<Path> systemDirs;

    IsolatedSandbox(boolean bwrap, boolean setpriv, boolean prlimit, Cgroups cgroups, Path hostsFile,
            List<Path> systemDirs) {
        this.bwrap = bwrap;
        this.setpriv = setpriv;
        this.prlimit = prlimit;
        this.cgroups = cgroups;
        this.hostsFile = hostsFile;
        this.systemDirs = systemDirs;
    }

    @Override
    public boolean confinesFiles() {
        return bwrap;
    }

    @Override
    public List<String> wrap(List<String> command, TestJvmSpec spec) {
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
            if (cgroups == null) {
                out.add("--nproc=" + 1024);
            }
            out.add("--");
        }
        if (setpriv) {
            openUp(spec.workDir());
            out.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        if (bwrap) {
            out.addAll(List.of("bwrap", "--unshare-all", "--die-with-parent", "--new-session",
                    "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
            for (Path dir : systemDirs) {
                out.addAll(List.of("--ro-bind-try", dir.toString(), dir.toString()));
            }
            out.addAll(List.of("--ro-bind", hostsFile.toString(), "/etc/hosts"));
            Path javaHome = spec.javaHome().toAbsolutePath().normalize();
            out.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
            for (Path entry : roots(spec.classpath())) {
                out.addAll(List.of("--ro-bind", entry.toString(), entry.toString()));
            }
            out.addAll(List.of("--bind", spec.workDir().toString(), spec.workDir().toString(),
                    "--chdir", spec.workDir().toString(), "--",
                    "/usr/bin/env", "-i", "PATH=/usr/bin:/bin", "HOME=" + spec.workDir(), "LANG=C.UTF-8"));
        }
        out.addAll(command);
        return out;
    }

    /** Frees the cgroups made for this spec's JVMs; true when one of them ran out of memory. */
    public boolean release(TestJvmSpec spec) {
        if (cgroups == null) {
            return false;
        }
        boolean oom = cgroups.oomKilled(groupName(spec));
        cgroups.remove(groupName(spec));
        return oom;
    }

    private static String groupName(TestJvmSpec spec) {
        return "jvm-" + Integer.toHexString(spec.workDir().toAbsolutePath().toString().hashCode()) + "-"
                + ProcessHandle.current().pid();
    }

    /** The folders to bind: each class path entry's folder (jars of one folder bound once). */
    private static Set<Path> roots(List<Path> classpath) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : classpath) {
            Path abs = p.toAbsolutePath().normalize();
            out.add(Files.isDirectory(abs) ? abs : abs.getParent());
        }
        return out;
    }

    /** The unprivileged uid must be able to write its grading folder (and nothing else). */
    private static void openUp(Path workDir) {
        try {
            Files.createDirectories(workDir);
            try (Stream<Path> walk = Files.walk(workDir)) {
                for (Path p : walk.toList()) {
                    Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                            Files.isDirectory(p) ? "rwxrwxrwx" : "rw-rw-rw-"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + workDir + " for the sandbox", e);
        }
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (bwrap) {
            parts.add("bubblewrap (no network but loopback, private /tmp, read-only JDK and classes, only the"
                    + " grading folder writable)");
        } else {
            parts.add("plain fork (bubblewrap not available: no filesystem or network isolation)");
        }
        if (setpriv) {
            parts.add("unprivileged uid " + NOBODY);
        }
        if (cgroups != null) {
            parts.add(cgroups.describe());
        }
        if (prlimit) {
            parts.add("prlimit (CPU time, open files, file size, no core dumps" + (cgroups == null ? ", processes" : "") + ")");
        }
        return String.join(" + ", parts);
    }
}
