package wirelab.grading.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import wirelab.grading.late.Deadline;
import wirelab.grading.course.LatePolicy;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/**
 * Lays out what a TA downloads after a deadline, in the real layouts: a GitHub Classroom clone
 * ({@code <assignment>-submissions/<assignment>-<user>/}, each a git repository with one commit at a
 * given time) and a Gradescope "Export Submissions" zip ({@code submission_metadata.yml} from
 * {@code grading/ta-week} and a {@code submission_<id>/} folder of sources per submission).
 */
public final class TaFixtures {

    /** The rmi week's deadline and late policy, as modules/week4-rmi/module.yaml gives them. */
    public static final Deadline RMI_DUE = new Deadline(4, ZonedDateTime.parse("2026-10-04T23:59:00+02:00"),
            new LatePolicy(15, 10, 5), 100);

    private TaFixtures() {
    }

    /** A graded rmi submission with one test worth {@code max}: passed at full marks, else failed. */
    public static SubmissionResult result(String student, double score, double max) {
        return SubmissionResult.graded(student, "rmi").score(score, max)
                .tests(List.of(new TestVerdict("wirelab.rmi.StoreTest#test01_put", "stores a value", "StoreTest", "junit",
                        score, max, score == max ? "passed" : "failed", score == max ? null : "expected 1 but was 0", null,
                        null, 0.1)))
                .isolation("plain").inputHash("h-" + student).jvms(1).seconds(1.0).build();
    }

    /** A file of grading/ta-week: the week's roster and Gradescope metadata. */
    public static Path resource(String name) {
        return wirelab.grading.course.Course.locate().root().resolve("grading/ta-week").resolve(name);
    }

    /** {@code <dir>/<slug>-submissions/<slug>-<user>/}: a copy of the user's sources, committed at the given time. */
    public static Path classroomClone(Path dir, String slug, Map<String, Path> sourcesByUser, Map<String, String> commitTimes)
            throws IOException, InterruptedException {
        Path root = dir.resolve(slug + "-submissions");
        for (Map.Entry<String, Path> e : sourcesByUser.entrySet()) {
            Path repo = root.resolve(slug + "-" + e.getKey());
            copyTree(e.getValue(), repo);
            String at = commitTimes.get(e.getKey());
            git(repo, at, "init", "-q");
            git(repo, at, "add", "-A");
            git(repo, at, "-c", "user.name=" + e.getKey(), "-c", "user.email=" + e.getKey() + "@users.noreply.github.com",
                    "commit", "-q", "-m", "submission");
        }
        return root;
    }

    /** A Gradescope export zip: the fixture metadata at its top, and a folder of sources per submission id. */
    public static Path gradescopeZip(Path zip, Map<String, Path> sourcesById) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "submission_metadata.yml", Files.readAllBytes(resource("submission_metadata.yml")));
            for (Map.Entry<String, Path> e : sourcesById.entrySet()) {
                try (Stream<Path> walk = Files.walk(e.getValue())) {
                    for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                        put(out, e.getKey() + "/" + e.getValue().relativize(p).toString().replace('\\', '/'),
                                Files.readAllBytes(p));
                    }
                }
            }
        }
        return zip;
    }

    /** A tiny lab tree: {@code src/main/java/wirelab/<lab>/Hello.java} saying {@code text}. */
    public static Path tinySources(Path dir, String lab, String text) throws IOException {
        Path f = dir.resolve("src/main/java/wirelab/" + lab + "/Hello.java");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "package wirelab." + lab + ";\n/** " + text + " */\nclass Hello {}\n");
        return dir;
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    static void git(Path repo, String isoTime, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("GIT_AUTHOR_DATE", isoTime);
        pb.environment().put("GIT_COMMITTER_DATE", isoTime);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", repo.toString());
        Process p = pb.start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed in " + repo + ": " + output);
        }
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = Files.newInputStream(p); OutputStream out = Files.newOutputStream(target)) {
                        in.transferTo(out);
                    }
                }
            }
        }
    }
}
