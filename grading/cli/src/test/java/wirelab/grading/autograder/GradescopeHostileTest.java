package wirelab.grading.autograder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import wirelab.grading.cli.Main;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.demo.Demo;
import wirelab.grading.demo.Escapes;
import wirelab.grading.demo.Sample;
import wirelab.grading.demo.SampleBuilder;
import wirelab.grading.files.Folders;
import wirelab.grading.publish.StarterRenderer;
import wirelab.grading.report.GradescopeResults;
import wirelab.grading.run.Sandbox;
import wirelab.grading.sandbox.Isolation;

/**
 * A Gradescope run as Gradescope has it: root, bubblewrap refused (forced here: the sandbox uid
 * layer alone), the real harness behind {@code autograder --run}. Each hostile sample must get the
 * score its sample.properties expects where its kind is confined, a correct one full marks,
 * results.json must hold no line of a hidden test's source, and the files the sample must not
 * leave must be gone.
 */
class GradescopeHostileTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @AfterEach
    void unforce() {
        System.clearProperty("wirelab.sandbox");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hostile-reads-outside", "hostile-writes-outside", "hostile-reaches-grader", "hostile-outlives",
        "reference", "alt-read-write-lock"})
    @DisplayName("on Gradescope (root, no bubblewrap) a hostile sample is kept in, a correct one keeps full marks, and results.json shows only test outcomes")
    void aHostileSampleIsKeptIn(String name) throws Exception {
        assumeTrue(System.getenv("CI") != null || Boolean.getBoolean("wirelab.slow"),
                "slow end-to-end test: runs on CI, or with -Dwirelab.slow=true");
        assumeTrue(Isolation.isRoot(), "a Gradescope container is root; the sandbox uids need it");
        System.setProperty("wirelab.sandbox", "uid");
        Course course = Course.locate();
        Lab lab = course.requireLab("threads");
        Sandbox sandbox = Isolation.detect(Path.of(System.getProperty("java.home")),
                wirelab.grading.sandbox.WorkFolders.base());
        Sample sample = new Demo(course, sandbox, System.out).samples(lab).stream().filter(s -> s.name().equals(name))
                .findFirst().orElseThrow();
        assertTrue(sample.confinedBy(sandbox), name + ": the sandbox uid layer must confine " + sample.threat());
        String kind = sample.threat() == null ? "nothing is tried" : sample.threat().word() + " is confined";
        Map<String, byte[]> published = new StarterRenderer(course).render(lab);
        Path built = SampleBuilder.build(sample, lab, published, root.resolve("built"));
        Folders.copy(built, root.resolve("submission"));

        Path file = GradescopeRun.run(course, lab, root, (submission, out) -> Main.run("grade", submission.toString(),
                "--lab", "threads", "--out", out.toString(), "--jobs", "1", "--force", "--isolation", "required"));

        JsonNode r = JSON.readTree(file.toFile());
        assertEquals(List.of(), GradescopeResults.validate(r));
        double max = 0;
        double score = 0;
        for (JsonNode t : r.get("tests")) {
            max += t.get("max_score").asDouble();
            score += t.get("score").asDouble();
        }
        assertTrue(max > 0, "graded: " + r.path("output").asText());
        String lost = sample.check().lost();
        assertEquals(Double.parseDouble(lost), max - score, 1e-9, name + " must lose " + lost + " where " + kind + ": " + r);
        List<String> texts = new ArrayList<>();
        collect(r, texts);
        String all = String.join("\n", texts);
        for (String line : Escapes.hiddenLines(lab, published).keySet()) {
            assertFalse(all.lines().map(String::strip).anyMatch(line::equals), "a hidden test's source line reached results.json: " + line);
        }
        for (Path p : sample.absent()) {
            // another grading on this machine may hold the same sample's file while its JVM runs and
            // removes it after; a file this grading left stays
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).pollInterval(java.time.Duration.ofSeconds(1))
                    .untilAsserted(() -> assertFalse(Files.exists(p), name + " left " + p));
        }
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collect(child, out));
    }
}
