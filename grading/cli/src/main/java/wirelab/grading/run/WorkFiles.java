package wirelab.grading.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a test JVM wrote in its work folder without trusting the folder: the grader may have
 * more rights than the code that wrote it, so a symbolic link or a hard link planted there under
 * the expected name (pointing at a hidden test, say) reads as nothing rather than as its target.
 */
public final class WorkFiles {

    private WorkFiles() {
    }

    /** The file's text (at most {@code limit} bytes), or empty when it is missing or not a plain file of its own. */
    public static Optional<String> read(Path file, long limit) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        }
        if (!attrs.isRegularFile() || links(file) > 1) {
            return Optional.empty();
        }
        try (InputStream in = Channels.newInputStream(Files.newByteChannel(file,
                Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
            return Optional.of(new String(in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit)), StandardCharsets.UTF_8));
        }
    }

    private static int links(Path file) throws IOException {
        try {
            return (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 1;   // no unix view: nothing to compare
        }
    }
}
