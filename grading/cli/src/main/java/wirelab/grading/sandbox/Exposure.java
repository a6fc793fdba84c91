package wirelab.grading.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import wirelab.grading.run.Sandbox.Guarded;

/**
 * What a sandbox uid could read of the grader's own before grading starts, asked of the kernel (a
 * shell running as such a uid tries to read each path) rather than guessed from modes. Without
 * bubblewrap that uid sees every file every user may read, so what it must not (the course's hidden
 * test sources and reference solution, the submissions, the results) is closed to other users,
 * loudly (chmod o-rwx on the course checkout, the output folder, the submissions given); what stays
 * readable after that stops the grading. Homes are only warned about: they are not the grader's.
 */
public final class Exposure {

    private Exposure() {
    }

    /**
     * Closes to other users whatever of {@code guarded} a sandbox uid can read, saying so, and checks again.
     *
     * @throws IllegalStateException when something stays readable after closing it
     */
    static void close(IsolatedSandbox sandbox, List<Guarded> guarded, Consumer<String> say) {
        if (!sandbox.sandboxUids() || sandbox.bubblewrap()) {
            return;   // bubblewrap shows the test JVM none of these; no uid, nothing to ask
        }
        List<Path> probes = guarded.stream().map(Guarded::probe).toList();
        List<Path> closed = new ArrayList<>();
        for (Guarded g : guarded) {
            // one folder at a time, asking again: closing the course may close the output folder in it too
            if (!closed.contains(g.close()) && readableBy(sandbox.uids(), List.of(g.probe())).contains(g.probe())) {
                closeToOthers(g.close());
                closed.add(g.close());
                say.accept("NOTE: " + g.what() + ", " + g.close() + ", was readable by every user; closed it to others"
                        + " (chmod o-rwx) so that student code, running as sandbox uids without bubblewrap, cannot read"
                        + " it (chmod o+rx " + g.close() + " undoes it)");
            }
        }
        List<Path> still = readableBy(sandbox.uids(), probes);
        if (!still.isEmpty()) {
            throw new IllegalStateException("student code (as a sandbox uid) could still read " + still
                    + " after closing its folders to other users (an ACL? a bind mount?): not grading until it cannot");
        }
    }

    /** The homes of the grader's user (and of the user who ran sudo) that every user may read: warnings. */
    static List<String> readableHomes(IsolatedSandbox sandbox) {
        if (!sandbox.sandboxUids() || sandbox.bubblewrap()) {
            return List.of();
        }
        List<Path> homes = new ArrayList<>();
        homes.add(Path.of(System.getProperty("user.home")));
        String sudo = System.getenv("SUDO_USER");
        if (sudo != null) {
            homeOf(sudo).ifPresent(homes::add);
        }
        List<String> out = new ArrayList<>();
        for (Path home : readableBy(sandbox.uids(), homes)) {
            out.add("WARNING: " + home + " (a home of the grader's user) is readable by every user, so student code can"
                    + " read it: chmod 750 " + home);
        }
        return out;
    }

    private static Optional<Path> homeOf(String user) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":");
                if (f.length > 5 && f[0].equals(user)) {
                    return Optional.of(Path.of(f[5]));
                }
            }
        } catch (IOException e) {
            // no passwd: no home to check
        }
        return Optional.empty();
    }

    private static void closeToOthers(Path dir) {
        try {
            Set<PosixFilePermission> mode = EnumSet.copyOf(Files.getPosixFilePermissions(dir));
            mode.removeAll(List.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(dir, mode);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + dir + " to other users", e);
        }
    }

    /** Which of {@code paths} a sandbox uid of {@code sandbox} can read now (empty without sandbox uids). */
    static List<Path> readable(IsolatedSandbox sandbox, List<Path> paths) {
        return sandbox.sandboxUids() ? readableBy(sandbox.uids(), paths) : List.of();
    }

    /** Which of {@code paths} a sandbox uid can read (a folder: list), in the kernel's own words. */
    static List<Path> readableBy(SandboxUids uids, List<Path> paths) {
        List<Path> existing = paths.stream().filter(Files::exists).toList();
        if (existing.isEmpty()) {
            return List.of();
        }
        try (SandboxUids.Lease lease = uids.acquire()) {
            return readableBy(lease.uid(), existing);
        }
    }

    private static List<Path> readableBy(int uid, List<Path> existing) {
        List<String> command = new ArrayList<>(SandboxUids.as(uid));
        command.addAll(List.of("/bin/sh", "-c", "for f; do [ -r \"$f\" ] && printf '%s\\n' \"$f\"; done", "sh"));
        existing.forEach(p -> command.add(p.toAbsolutePath().toString()));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("could not ask whether a sandbox uid can read the course: no answer");
            }
            List<String> readable = out.lines().toList();
            return existing.stream().filter(e -> readable.contains(e.toAbsolutePath().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not ask whether a sandbox uid can read the course", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first file under {@code dir} (sorted), to stand for what the folder holds. */
    public static Optional<Path> anyFileIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
