package wirelab.grading.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * File modes and owners for the sandbox uid's view of the grader's folders: what it may traverse
 * (x only), read, or own. Never follows a symbolic link.
 */
public final class Perms {

    private Perms() {
    }

    /** Sets {@code path}'s mode ("rwx--x--x"); a no-op where the file system has no POSIX modes. */
    public static void set(Path path, String mode) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException e) {
            // no POSIX modes here (and no sandbox uid either)
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the mode of " + path, e);
        }
    }

    /** Creates {@code dir} (and its parents) and sets its own mode. */
    public static Path dir(Path dir, String mode) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        set(dir, mode);
        return dir;
    }

    /** Gives {@code path} (not what it points to) to {@code uid} and {@code gid}. */
    static void own(Path path, int uid, int gid) throws IOException {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Copies a folder of classes so that only {@code gid} can read it and nobody but the grader can
     * change it: folders root:gid 0750, files root:gid 0640. Links are not copied.
     */
    static void copyReadableBy(Path from, Path to, int gid) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                Files.setAttribute(target, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
                set(target, "rwxr-x---");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Path target = to.resolve(from.relativize(file).toString());
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.setAttribute(target, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
                    set(target, "rw-r-----");
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Whether every user may enter {@code dir}: "other" may traverse it and each folder above it. */
    public static boolean traversableByOthers(Path dir) {
        try {
            for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
                if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Whether every user may read {@code path}: "other" may traverse each folder above it and read it. */
    public static boolean readableByOthers(Path path) {
        try {
            Path abs = path.toAbsolutePath().normalize();
            if (!Files.getPosixFilePermissions(abs).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
                return false;
            }
            for (Path p = abs.getParent(); p != null; p = p.getParent()) {
                if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
