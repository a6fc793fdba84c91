package wirelab.grading.autograder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import wirelab.grading.cli.AutograderCommand;
import wirelab.grading.cli.Main;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.course.LabBuild;
import wirelab.grading.course.LabPoints;
import wirelab.grading.course.Week;
import wirelab.grading.files.Folders;
import wirelab.grading.report.GradescopeResults;
import wirelab.grading.sandbox.Isolation;

/**
 * Simulates Gradescope: a temporary root laid out like /autograder (submission/, submission_metadata.json),
 * graded by the real harness, and the results.json checked against the autograder spec's fields;
 * each lab's reference gets exactly its handout's total (as root, the way a Gradescope container
 * runs it: without bubblewrap, each test JVM as a sandbox uid).
 */
class GradescopeRunTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    @DisplayName("a simulated Gradescope run writes a valid results.json: hidden tests after the due date, late policy applied")
    void simulatedGradescopeRun() throws Exception {
        // a nested build / a real grading run: always on CI (CI=true), on a laptop with -Dwirelab.slow=true
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CI") != null || Boolean.getBoolean("wirelab.slow"),
                "slow end-to-end test: runs on CI, or with -Dwirelab.slow=true");
        Course course = Course.locate();
        Lab lab = course.requireLab("sockets");
        Week week = course.weekOf(lab).orElseThrow();
        Folders.copy(lab.mainSources(), root.resolve("submission/src/main/java"));
        // submitted 20 hours after the deadline: one started day late
        Files.writeString(root.resolve("submission_metadata.json"), """
                {"id": 1, "created_at": "%s", "users": [{"name": "Ada"}], "assignment": {"title": "sockets"}}
                """.formatted(week.due().plusHours(20).toOffsetDateTime()));

        Path file = GradescopeRun.run(course, lab, root, (submission, out) ->
                Main.run("grade", submission.toString(), "--lab", "sockets", "--out", out.toString(), "--jobs", "1", "--force"));

        assertEquals(root.resolve("results/results.json"), file);
        JsonNode r = JSON.readTree(file.toFile());
        assertEquals(List.of(), GradescopeResults.validate(r), "results.json must follow the spec");
        double raw = 0;
        double max = 0;
        Set<String> hidden = Set.copyOf(new LabBuild(lab).hiddenTestClasses());
        int after = 0;
        for (JsonNode t : r.get("tests")) {
            raw += t.get("score").asDouble();
            max += t.get("max_score").asDouble();
            // not every test must pass here: the lab's own suite judges the reference; this checks the format
            assertEquals(t.get("status").asText().equals("passed") ? t.get("max_score").asDouble() : 0,
                    t.get("score").asDouble(), 1e-9, "a test's score is all or nothing: " + t);
            boolean isHidden = t.get("visibility").asText().equals("after_due_date");
            assertTrue(isHidden || t.get("visibility").asText().equals("visible"));
            if (isHidden) {
                after++;
            }
        }
        assertTrue(after > 0 && !hidden.isEmpty(), "hidden tests must be after_due_date");
        assertTrue(raw > max / 2, "the reference solution should earn most points: " + raw + " / " + max);
        assertEquals(raw, r.at("/extra_data/raw_score").asDouble(), 1e-9);
        assertEquals(1, r.at("/extra_data/late_days").asInt());
        assertEquals(week.late().apply(raw, week.due().plusHours(20).toInstant(), week.due()).adjusted(),
                r.get("score").asDouble(), 1e-9);
        assertTrue(r.get("output").asText().contains("Late policy"), r.get("output").asText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sockets", "threads", "dispatcher", "rmi"})
    @DisplayName("Gradescope grades each lab's reference solution at exactly its handout's total, full marks")
    void referenceGetsTheHandoutsTotal(String name) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CI") != null || Boolean.getBoolean("wirelab.slow"),
                "slow end-to-end test: runs on CI, or with -Dwirelab.slow=true");
        Course course = Course.locate();
        Lab lab = course.requireLab(name);
        if (Isolation.isRoot()) {
            // a Gradescope container: root, bubblewrap refused, each test JVM as a sandbox uid
            System.setProperty("wirelab.sandbox", "uid");
        }
        Folders.copy(lab.mainSources(), root.resolve("submission/src/main/java"));
        Files.writeString(root.resolve("submission_metadata.json"), """
                {"id": 1, "created_at": "%s", "users": [{"name": "Ada"}], "assignment": {"title": "%s"}}
                """.formatted(course.weekOf(lab).orElseThrow().due().minusHours(1).toOffsetDateTime(), name));

        JsonNode r = JSON.readTree(GradescopeRun.run(course, lab, root, AutograderCommand.harness(name)).toFile());

        assertEquals(List.of(), GradescopeResults.validate(r), "results.json must follow the spec");
        double max = 0;
        for (JsonNode t : r.get("tests")) {
            assertEquals("passed", t.get("status").asText(), name + ": the reference fails a test on Gradescope: " + t);
            assertTrue(t.get("max_score").asDouble() > 0, name + ": a test Gradescope could not grade (a missing program?): " + t);
            max += t.get("max_score").asDouble();
        }
        Matcher heading = HANDOUT_TOTAL.matcher(Files.readString(course.handout(lab).orElseThrow()));
        assertTrue(heading.find(), name + ": the handout's \"How it is graded (N points)\"");
        double total = Double.parseDouble(heading.group(1));
        assertEquals(total, LabPoints.of(lab).total(), 1e-9, name + ": the handout's total and autograder --out's");
        assertEquals(total, max, 1e-9, name + ": Gradescope's maximum must be the handout's total");
        assertEquals(total, r.get("score").asDouble(), 1e-9, name + ": the reference must get full marks on Gradescope: "
                + r.path("output").asText());
    }

    @AfterEach
    void unforce() {
        System.clearProperty("wirelab.sandbox");
    }

    private static final Pattern HANDOUT_TOTAL = Pattern.compile("How it is graded \\((\\d+) points\\)");

    @Test
    @DisplayName("no submission folder still gives Gradescope a valid results.json with a reason")
    void missingSubmissionStillWritesResults() throws Exception {
        Course course = Course.locate();
        Path file = GradescopeRun.run(course, course.requireLab("sockets"), root, (s, o) -> 0);
        JsonNode r = JSON.readTree(file.toFile());
        assertEquals(List.of(), GradescopeResults.validate(r));
        assertEquals(0, r.get("score").asDouble());
        assertTrue(r.get("output").asText().contains("could not grade"));
    }

    @Test
    @DisplayName("the grading's work folder is removed after the run: only results.json stays")
    void workFolderRemoved() throws Exception {
        Course course = Course.locate();
        Files.createDirectories(root.resolve("submission"));
        Path[] work = new Path[1];
        Path file = GradescopeRun.run(course, course.requireLab("sockets"), root, (submission, out) -> {
            work[0] = out;
            Path student = Files.createDirectories(out.resolve("students/ada"));
            Files.writeString(student.resolve("results.json"), "{\"score\": 0, \"tests\": []}");
            Files.writeString(student.resolve("result.json"), "{\"tests\": []}");
            return 0;
        });
        assertEquals(List.of(), GradescopeResults.validate(JSON.readTree(file.toFile())));
        assertTrue(work[0] != null && !Files.exists(work[0]), "the work folder " + work[0] + " should be gone after the run");
    }

}
