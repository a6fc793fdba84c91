package wirelab.grading.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a sandbox uid left outside its work folder. Without a mount namespace it can write only
 * where every user may: the shared temporary folders (and world-writable folders inside them), and
 * System V shared memory, semaphores and message queues. Everything there that the uid owns is
 * found by owner, so nothing a test JVM wrote there outlives it unnoticed.
 */
final class Strays {

    /** The folders every user may write on a Linux machine, as far as the grader looks. */
    static final List<Path> PLACES = List.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm"),
            Path.of("/run/lock"), Path.of("/var/lock"), Path.of("/dev/mqueue"));

    /** One thing the uid owns outside its folder: where, and its bytes (a folder: all it holds). */
    record Found(Path path, long bytes) {
    }

    private final List<Path> places;

    Strays(List<Path> places) {
        Set<Path> real = new LinkedHashSet<>();
        for (Path p : places) {
            try {
                if (Files.isDirectory(p)) {
                    real.add(p.toRealPath());   // /var/lock is often /run/lock
                }
            } catch (IOException e) {
                // gone: nothing to look at
            }
        }
        this.places = List.copyOf(real);
    }

    List<Path> places() {
        return places;
    }

    /** Everything {@code uid} owns in the shared places. */
    List<Found> find(int uid) {
        List<Found> out = new ArrayList<>();
        for (Path place : places) {
            look(place, uid, 0, out);
        }
        return out;
    }

    private static void look(Path dir, int uid, int depth, List<Found> out) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.toList();
        } catch (IOException | UncheckedIOException e) {
            return;
        }
        for (Path e : entries) {
            Map<String, Object> a;
            try {
                a = Files.readAttributes(e, "unix:uid,mode,isDirectory,isSymbolicLink", LinkOption.NOFOLLOW_LINKS);
            } catch (IOException | UncheckedIOException ex) {
                continue;
            }
            if ((Integer) a.get("uid") == uid) {
                out.add(new Found(e, bytes(e)));
            } else if ((Boolean) a.get("isDirectory") && !(Boolean) a.get("isSymbolicLink")
                    && ((Integer) a.get("mode") & 0002) != 0 && depth < 4) {
                look(e, uid, depth + 1, out);   // another world-writable folder: it may hold the uid's files too
            }
        }
    }

    /** A file or folder takes at least this much: a million empty files fill the inodes as surely as bytes fill the blocks. */
    private static final long BLOCK = 4096;

    /** The disk {@code path} takes, links not followed: its files' bytes, each file and folder at least a block. */
    static long bytes(Path path) {
        long[] sum = {0};
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    sum[0] += BLOCK;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    sum[0] += Math.max(BLOCK, attrs.size());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // what was counted stands
        }
        return sum[0];
    }

    /**
     * What every JVM leaves in /tmp under its user's name, whatever its code does: its performance
     * data folder (hsperfdata_USER, where the uid has an account) and attach sockets. Removed like
     * the rest, not held against the submission.
     */
    static boolean jvmsOwn(Path path) {
        String name = path.getFileName().toString();
        return path.getParent() != null && path.getParent().equals(Path.of("/tmp"))
                && (name.startsWith("hsperfdata_") || name.startsWith(".java_pid") || name.startsWith(".attach_pid"));
    }

    /** Removes what was found (the uid's processes have ended: nothing changes underneath). */
    static void remove(List<Found> found) {
        for (Found f : found) {
            try {
                Files.walkFileTree(f.path(), new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                        Files.deleteIfExists(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // reported as found; what could not be removed stays for the next sweep
            }
        }
    }

    /** Removes the System V shared memory, semaphores and message queues {@code uid} made; what they were. */
    static List<String> removeIpc(int uid) {
        List<String> out = new ArrayList<>();
        for (String[] kind : new String[][] {{"shm", "shmid", "-m", "shared memory segment"},
            {"sem", "semid", "-s", "semaphore set"}, {"msg", "msqid", "-q", "message queue"}}) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of("/proc/sysvipc", kind[0]));
            } catch (IOException e) {
                continue;
            }
            if (lines.isEmpty()) {
                continue;
            }
            List<String> header = List.of(lines.get(0).strip().split("\\s+"));
            int id = header.indexOf(kind[1]);
            int owner = header.indexOf("uid");
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.strip().split("\\s+");
                if (id >= 0 && owner >= 0 && f.length > Math.max(id, owner) && f[owner].equals(Integer.toString(uid))) {
                    SandboxUids.run(List.of("ipcrm", kind[2], f[id]));
                    out.add("a System V " + kind[3]);
                }
            }
        }
        return out;
    }
}
