package wirelab.grading.autograder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.course.LabBuild;
import wirelab.grading.course.LatePolicy;
import wirelab.grading.course.Week;
import wirelab.grading.files.Folders;
import wirelab.grading.late.SubmissionTimes;
import wirelab.grading.report.GradescopeResults;

/**
 * What run_autograder does on Gradescope: grade {@code ROOT/submission} with the harness, then
 * write {@code ROOT/results/results.json} with hidden tests after the due date and the week's
 * late policy applied to the submission time in {@code ROOT/submission_metadata.json}.
 * ROOT is /autograder, or {@value #ROOT_ENV} when set (how the tests simulate Gradescope).
 */
public final class GradescopeRun {

    public static final String ROOT_ENV = "WIRELAB_GRADESCOPE_ROOT";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The harness: grades one submission into {@code out} (out/students/<name>/results.json), returns its exit code. */
    @FunctionalInterface
    public interface Harness {
        int grade(Path submission, Path out) throws Exception;
    }

    private GradescopeRun() {
    }

    public static Path root() {
        String env = System.getenv(ROOT_ENV);
        return Path.of(env == null || env.isBlank() ? "/autograder" : env);
    }

    /** Grades and writes results.json; returns the written file. Never throws for a bad submission. */
    public static Path run(Course course, Lab lab, Path root, Harness harness) throws IOException {
        Path dir = Files.createDirectories(root.resolve("results"));
        if (wirelab.grading.sandbox.Isolation.isRoot()) {
            // setup.sh closes it too: the student's code, as a sandbox uid, neither reads nor writes results
            wirelab.grading.sandbox.Perms.set(dir, "rwx------");
        }
        Path results = dir.resolve("results.json");
        ObjectNode out;
        try {
            out = grade(course, lab, root, harness);
        } catch (Exception e) {
            out = GradescopeResults.failure(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        JSON.writeValue(results.toFile(), out);
        return results;
    }

    private static ObjectNode grade(Course course, Lab lab, Path root, Harness harness) throws Exception {
        Path submission = root.resolve("submission");
        if (!Files.isDirectory(submission)) {
            throw new IllegalStateException("no submission folder at " + submission);
        }
        Path work = Files.createTempDirectory("wirelab-gradescope");
        try {
            return adjusted(course, lab, root, work, harness.grade(submission, work));
        } finally {
            // the grading's own files are not results: left in /tmp, every run would add a folder
            Folders.delete(work);
        }
    }

    private static ObjectNode adjusted(Course course, Lab lab, Path root, Path work, int exit) throws Exception {
        Path studentDir = single(work.resolve("students"))
                .orElseThrow(() -> new IllegalStateException("the grader produced no result (exit " + exit + ")"));
        JsonNode harnessJson = JSON.readTree(studentDir.resolve("results.json").toFile());
        JsonNode result = JSON.readTree(studentDir.resolve("result.json").toFile());
        List<String> ids = new ArrayList<>();
        result.path("tests").forEach(t -> ids.add(t.path("id").asText("")));
        LabBuild build = new LabBuild(lab);
        Set<String> visible = new LinkedHashSet<>(build.publicTestClasses());
        if (lab.raceTestsPublic()) {
            visible.addAll(build.raceTestClasses());
        }
        LatePolicy.Adjusted late = null;
        Path metadata = root.resolve("submission_metadata.json");
        Optional<Week> week = course.weekOf(lab);
        if (Files.isRegularFile(metadata) && week.isPresent()) {
            late = week.get().late().apply(harnessJson.path("score").asDouble(), SubmissionTimes.gradescope(metadata),
                    week.get().due());
        }
        return GradescopeResults.adjust(harnessJson, ids, visible, late, lab.name());
    }

    private static Optional<Path> single(Path students) throws IOException {
        if (!Files.isDirectory(students)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(students)) {
            List<Path> dirs = s.filter(d -> Files.isRegularFile(d.resolve("results.json"))).toList();
            return dirs.size() == 1 ? Optional.of(dirs.get(0)) : Optional.empty();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
