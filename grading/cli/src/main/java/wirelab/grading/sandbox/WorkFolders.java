package wirelab.grading.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import wirelab.grading.course.Course;
import wirelab.grading.files.Folders;

/**
 * Where grading writes: one base folder per machine and user ({@link #base}), holding the cached
 * lab bundles ({@link #bundles}) and each grading run's own scratch folder ({@link #scratch}),
 * every level traversable by the sandbox uids but listable only by the grader.
 */
public final class WorkFolders {

    private WorkFolders() {
    }

    /**
     * The base folder: WIRELAB_WORK if set; as root, where test JVMs run as sandbox uids,
     * /var/lib/wirelab, outside the course (which such a uid must not enter), 0711 and the
     * grader's own; else target/grading-work in the course when the course's path is open to
     * others (bubblewrap runs as nobody there), else a folder in the system's temporary folder.
     */
    public static Path base() {
        String env = System.getenv("WIRELAB_WORK");
        boolean root = Isolation.isRoot();
        Path base;
        if (env != null && !env.isBlank()) {
            base = Path.of(env);
        } else if (root) {
            base = Path.of("/var/lib/wirelab");
        } else {
            Path course = Course.locate().root();
            base = Perms.traversableByOthers(course) ? course.resolve("target/grading-work")
                    : Path.of(System.getProperty("java.io.tmpdir"), "wirelab-grading-" + System.getProperty("user.name"));
        }
        try {
            Files.createDirectories(base);
            if (root) {
                // another user may have made it first (in /tmp, say): it must be root's own real folder
                if (Files.isSymbolicLink(base) || (Integer) Files.getAttribute(base, "unix:uid", LinkOption.NOFOLLOW_LINKS) != 0) {
                    throw new IllegalStateException(base + " is not a folder of root's own: cannot grade there (set WIRELAB_WORK)");
                }
                Perms.set(base, "rwx--x--x");
            } else {
                base.toFile().setReadable(true, false);   // never a parent: those are the user's business
                base.toFile().setExecutable(true, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return base.toAbsolutePath();
    }

    /** The cache of compiled lab bundles, shared by every run on this base. */
    public static Path bundles(Path base) {
        return Perms.dir(base.resolve("bundles"), "rwx--x--x");
    }

    /**
     * This run's scratch folder for {@code lab}: one folder per run (its process id, so that
     * {@link #removeStale} knows when it is left over) and one per lab in it, since labs graded
     * at once (the demo) have students of the same name.
     */
    public static Path scratch(Path base, String lab) {
        return Perms.dir(Perms.dir(base.resolve("work-" + ProcessHandle.current().pid()), "rwx--x--x").resolve(lab),
                "rwx--x--x");
    }

    /** Removes the scratch folders of grading runs whose process is gone (a killed run leaves its own). */
    public static void removeStale(Path base) {
        try (Stream<Path> s = Files.list(base)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("work-\\d+")).toList()) {
                long pid = Long.parseLong(p.getFileName().toString().substring(5));
                if (ProcessHandle.of(pid).isEmpty()) {
                    Folders.delete(p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // another run is cleaning up too: what is left goes next time
        }
    }
}
