package wirelab.grading.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.autograder.GradescopeRun;
import wirelab.grading.cli.Main;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.course.LabPoints;
import wirelab.grading.course.Week;
import wirelab.grading.files.Folders;
import wirelab.grading.publish.StudentRepo;

/**
 * One lab, one score: for the demo's samples, the score and maximum of every test from
 * {@code grade} (the demo grades the samples with the same batch), from the Gradescope run
 * (GradescopeRun over that same grading: the harness's output is what {@code autograder --run}
 * adjusts) and from the Classroom workflow's own steps (each step's grep of results.txt after the
 * student's Maven run) agree, test by test; a difference names the test, the sample and the channels.
 *
 * <p>grade and Gradescope are compared on every sample the demo graded (after CI's demo: all of
 * them, every kind of verdict). Classroom needs a Maven run of the published repository per sample,
 * so it runs on a subset per lab: the reference (every test passes) and one mistake that loses
 * public points every time (assertion failures; in threads a Lincheck verdict too). A hostile
 * sample's hang or crash scores 0 in Classroom as in grade, but costs a time limit each.
 * Runs in CI after the demo (-Dwirelab.channels=true), reusing its results.
 */
class ChannelsAgreeTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Per lab, the mistake graded in Classroom beside the reference. */
    static final Map<String, String> MISTAKE = Map.of("sockets", "read-once", "threads", "unsynchronized-counter",
            "dispatcher", "prefix-before-exact", "rmi", "racy-get-then-put");

    @TempDir
    Path tmp;

    @Test
    @DisplayName("grade, Gradescope and Classroom give every test of the demo samples the same score and maximum")
    void channelsAgree() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("wirelab.channels"),
                "runs in CI after the demo (-Dwirelab.channels=true), reusing the demo's gradings");
        Course course = Course.locate();
        Path demo = course.root().resolve("target/demo");
        List<String> differences = new ArrayList<>();
        Path repo = tmp.resolve("student");
        new StudentRepo(course, course.weeks().stream().mapToInt(Week::number).max().orElseThrow()).write(repo);
        String workflow = Files.readString(repo.resolve(".github/workflows/classroom.yml"));
        for (Lab lab : course.labList()) {
            String mistake = MISTAKE.get(lab.name());
            Path students = demo.resolve(lab.name()).resolve("students");
            if (!Files.isRegularFile(students.resolve("reference/result.json"))
                    || !Files.isRegularFile(students.resolve(mistake + "/result.json"))) {
                // not after a demo: grade the subset the same way (the demo's batch), unchanged samples are skipped
                Main.run("demo", "--lab", lab.name(), "--sample", "reference", "--sample", mistake, "--out", demo.toString());
            }
            LabPoints points = LabPoints.of(lab);
            for (Path sample : list(students)) {
                JsonNode grade = JSON.readTree(sample.resolve("result.json").toFile());
                if (!"graded".equals(grade.path("status").asText())) {
                    continue;   // refused at intake: no tests in any channel
                }
                String where = lab.name() + "/" + sample.getFileName();
                Map<String, double[]> graded = perTest(grade);
                compare(where, "grade", graded, "Gradescope", gradescope(course, lab, sample), differences);
                if (!grade.at("/tests").toString().contains("\"not-graded\"")) {
                    assertEquals(points.total(), grade.path("max").asDouble(), 1e-9,
                            where + ": grade's maximum must be the lab's total, " + points.describe());
                }
                String name = sample.getFileName().toString();
                if (name.equals("reference") || name.equals(mistake)) {
                    Map<String, double[]> gradePublic = new LinkedHashMap<>();
                    graded.forEach((id, v) -> {
                        if (points.publicTests().stream().anyMatch(t -> id.equals(t.className() + "#" + t.method()))) {
                            gradePublic.put(id, v);
                        }
                    });
                    Map<String, double[]> classroom = classroom(repo, workflow, lab,
                            demo.resolve("submissions").resolve(lab.name()).resolve(name));
                    assertEquals(points.publicPoints(), classroom.values().stream().mapToDouble(v -> v[1]).sum(), 1e-9,
                            lab.name() + ": the Classroom total must be the public points");
                    compare(where, "grade (public tests)", gradePublic, "Classroom", classroom, differences);
                }
            }
        }
        assertTrue(differences.isEmpty(), differences.size() + " difference(s) between channels:\n" + String.join("\n", differences));
    }

    /** Test id → {score, max}, from the harness's result.json. */
    static Map<String, double[]> perTest(JsonNode result) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (JsonNode t : result.path("tests")) {
            // a test this machine could not grade is out of the maximum (Gradescope shows it with max_score 0)
            double max = "not-graded".equals(t.path("status").asText()) ? 0 : t.path("max").asDouble();
            out.put(t.path("id").asText(), new double[] {t.path("score").asDouble(), max});
        }
        return out;
    }

    /** What Gradescope shows for this grading: GradescopeRun over the same harness output, per test. */
    static Map<String, double[]> gradescope(Course course, Lab lab, Path studentDir) throws IOException {
        Path root = Files.createTempDirectory("wirelab-gradescope-root");
        try {
            Files.createDirectories(root.resolve("submission"));
            Path results = GradescopeRun.run(course, lab, root, (submission, out) -> {
                Folders.copy(studentDir, out.resolve("students").resolve(studentDir.getFileName().toString()));
                return 0;
            });
            JsonNode r = JSON.readTree(results.toFile());
            JsonNode ids = JSON.readTree(studentDir.resolve("result.json").toFile()).path("tests");
            Map<String, double[]> out = new LinkedHashMap<>();
            for (int i = 0; i < r.path("tests").size(); i++) {
                JsonNode t = r.path("tests").get(i);
                out.put(ids.get(i).path("id").asText(), new double[] {t.path("score").asDouble(), t.path("max_score").asDouble()});
            }
            double sum = out.values().stream().mapToDouble(v -> v[0]).sum();
            assertEquals(sum, r.path("score").asDouble(), 1e-9, "Gradescope's score must be the sum of its tests: " + results);
            return out;
        } finally {
            Folders.delete(root);
        }
    }

    // one graded step of the Classroom workflow: its command and its points
    private static final Pattern STEP = Pattern.compile(
            "command: \"(grep -qF 'PASS ([^ ]+) ' (\\w+)/target/wirelab/results\\.txt)\"\\s+timeout: \\d+\\s+max-score: (\\d+)");

    /** The Classroom workflow's own steps after the student's Maven run of this submission: test id → {score, max}. */
    static Map<String, double[]> classroom(Path repo, String workflow, Lab lab, Path submission) throws Exception {
        Path main = repo.resolve(lab.name()).resolve("src/main/java");
        Folders.delete(main);
        Folders.copy(submission.resolve("src/main/java"), main);
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "./mvnw -o -B test -pl " + lab.name())
                .directory(repo.toFile()).redirectErrorStream(true).redirectOutput(repo.resolve("mvn.log").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the student's Maven run did not finish");
        Map<String, double[]> out = new LinkedHashMap<>();
        Matcher m = STEP.matcher(workflow);
        while (m.find()) {
            if (!m.group(3).equals(lab.name())) {
                continue;
            }
            // the step's command, run as the workflow's command grader runs it
            Process grep = new ProcessBuilder("bash", "-c", m.group(1)).directory(repo.toFile()).start();
            assertTrue(grep.waitFor(1, TimeUnit.MINUTES));
            double max = Double.parseDouble(m.group(4));
            out.put(m.group(2), new double[] {grep.exitValue() == 0 ? max : 0, max});
        }
        assertTrue(!out.isEmpty(), lab.name() + ": no Classroom step found in the workflow");
        return out;
    }

    static void compare(String where, String a, Map<String, double[]> left, String b, Map<String, double[]> right,
            List<String> differences) {
        for (Map.Entry<String, double[]> e : left.entrySet()) {
            double[] r = right.get(e.getKey());
            if (r == null) {
                differences.add(where + " " + e.getKey() + ": in " + a + " but not in " + b);
            } else if (Math.abs(r[0] - e.getValue()[0]) > 1e-9 || Math.abs(r[1] - e.getValue()[1]) > 1e-9) {
                differences.add(where + " " + e.getKey() + ": " + a + " " + fmt(e.getValue()) + ", " + b + " " + fmt(r));
            }
        }
        right.keySet().stream().filter(k -> !left.containsKey(k))
                .forEach(k -> differences.add(where + " " + k + ": in " + b + " but not in " + a));
    }

    private static String fmt(double[] v) {
        return LabPoints.num(v[0]) + "/" + LabPoints.num(v[1]);
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("result.json"))).sorted().toList();
        }
    }
}
