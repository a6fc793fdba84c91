package wirelab.grading.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * A fingerprint of what a grading depends on: the submission's files (names and bytes; links by
 * their target text, never followed; build output and .git skipped) and the lab bundle's hash.
 * Same fingerprint, same grade: a re-run skips it.
 */
public final class InputHash {

    private InputHash() {
    }

    public static String of(Path submission, String labHash, String options) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((labHash + "|" + options + "|").getBytes(StandardCharsets.UTF_8));
            if (Files.isDirectory(submission, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> walk = Files.walk(submission)) {
                    for (Path p : walk.sorted().toList()) {
                        Path rel = submission.relativize(p);
                        if (skipped(rel)) {
                            continue;
                        }
                        sha.update(rel.toString().getBytes(StandardCharsets.UTF_8));
                        if (Files.isSymbolicLink(p)) {
                            sha.update(("->" + Files.readSymbolicLink(p)).getBytes(StandardCharsets.UTF_8));
                        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                            sha.update(Files.readAllBytes(p));
                        }
                    }
                }
            } else if (Files.isRegularFile(submission, LinkOption.NOFOLLOW_LINKS)) {
                sha.update(Files.readAllBytes(submission));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean skipped(Path rel) {
        for (Path part : rel) {
            String n = part.toString();
            if (n.equals("target") || n.equals(".git") || n.equals(".idea")) {
                return true;
            }
        }
        return false;
    }
}
