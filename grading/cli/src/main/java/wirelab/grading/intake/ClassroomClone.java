package wirelab.grading.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A GitHub Classroom clone: {@code gh classroom clone student-repos} makes
 * {@code <assignment>-submissions/} with one git clone per student (or team) named
 * {@code <assignment>-<github-user>}. The student is the repository name without the assignment
 * prefix; the submit time is the last commit's committer time (what the clone knows: Classroom's
 * own deadline snapshot is not in it, and a student can set that time, so {@code --times} wins).
 */
public final class ClassroomClone {

    static final String SUFFIX = "-submissions";

    private ClassroomClone() {
    }

    /** The clones of {@code dir} when it is a Classroom clone folder, else empty. */
    public static Optional<List<Handin>> read(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || isClone(dir)) {
            return Optional.empty();
        }
        List<Path> clones;
        try (Stream<Path> s = Files.list(dir)) {
            clones = s.filter(p -> !p.getFileName().toString().startsWith(".")).filter(ClassroomClone::isClone)
                    .sorted().toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        String folder = dir.toAbsolutePath().normalize().getFileName().toString();
        String prefix = folder.endsWith(SUFFIX) ? folder.substring(0, folder.length() - SUFFIX.length()) + "-"
                : commonPrefix(clones);
        if (clones.isEmpty() || prefix.isEmpty()
                || !clones.stream().allMatch(c -> c.getFileName().toString().startsWith(prefix))) {
            return Optional.empty();
        }
        List<Handin> out = new ArrayList<>();
        for (Path clone : clones) {
            out.add(handin(clone, prefix));
        }
        return Optional.of(out);
    }

    /** One clone named on the command line ({@code rmi-submissions/rmi-bob}): a Classroom clone when its folder says so. */
    public static Optional<Handin> readOne(Path clone) {
        Path parent = clone.toAbsolutePath().normalize().getParent();
        if (!isClone(clone) || parent == null || !parent.getFileName().toString().endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String folder = parent.getFileName().toString();
        String prefix = folder.substring(0, folder.length() - SUFFIX.length()) + "-";
        return clone.getFileName().toString().startsWith(prefix) ? Optional.of(handin(clone, prefix)) : Optional.empty();
    }

    private static Handin handin(Path clone, String prefix) {
        String repo = clone.getFileName().toString();
        String user = repo.substring(prefix.length());
        Instant at = lastCommit(clone);
        return new Handin("classroom", repo, clone, List.of(Submitter.github(user)), at,
                at == null ? "no commit time (git could not read " + repo + ")" : "last commit of " + repo);
    }

    static boolean isClone(Path dir) {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS);
    }

    /** The longest prefix up to a '-' that at least two clones share: the assignment slug plus the dash. */
    static String commonPrefix(List<Path> clones) {
        if (clones.size() < 2) {
            return "";
        }
        String first = clones.get(0).getFileName().toString();
        int n = first.length();
        for (Path c : clones) {
            String name = c.getFileName().toString();
            int i = 0;
            while (i < Math.min(n, name.length()) && name.charAt(i) == first.charAt(i)) {
                i++;
            }
            n = i;
        }
        int dash = first.substring(0, n).lastIndexOf('-');
        return dash <= 0 ? "" : first.substring(0, dash + 1);
    }

    /** The committer time of HEAD, from git itself; null when git is missing or the clone is empty. */
    static Instant lastCommit(Path clone) {
        try {
            Process p = new ProcessBuilder("git", "-c", "safe.directory=*", "-C", clone.toString(), "log", "-1",
                    "--format=%cI", "HEAD").redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 && !out.isEmpty() ? OffsetDateTime.parse(out).toInstant() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
