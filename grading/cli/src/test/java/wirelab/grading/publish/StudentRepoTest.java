package wirelab.grading.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.testkit.Tools;

class StudentRepoTest {

    static final Course COURSE = Course.locate();

    static String text(Map<String, byte[]> files, String rel) {
        return new String(files.get(rel), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("week 2 holds sockets and threads only, with wrapper, test kit, README, .gitignore and workflow")
    void weekTwoHasExactlyTheReleasedLabs() {
        StudentRepo repo = new StudentRepo(COURSE, 2);
        Map<String, byte[]> files = repo.files();
        assertEquals(List.of("sockets", "threads"), repo.labs().stream().map(Lab::name).toList());
        for (String f : List.of("pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties", "testkit/pom.xml",
                "testkit/src/main/java/wirelab/testkit/Points.java", "sockets/pom.xml", "threads/pom.xml",
                "README.md", ".gitignore", ".github/workflows/classroom.yml")) {
            assertTrue(files.containsKey(f), "the student repository lacks " + f);
        }
        assertTrue(files.keySet().stream().noneMatch(f -> f.startsWith("dispatcher/") || f.startsWith("rmi/")),
                "week 2 must not contain weeks 3-4");
        assertTrue(files.keySet().stream().noneMatch(f -> f.startsWith("testkit/src/test/")),
                "the test kit's own tests (with fixtures that fail on purpose) are not the students'");
        assertTrue(files.keySet().stream().noneMatch(f -> f.contains("src/grading/")), "hidden tests leaked");
        assertTrue(files.keySet().stream().noneMatch(f -> f.contains("lab.properties")), "lab.properties leaked");
        String pom = text(files, "pom.xml");
        assertTrue(pom.contains("<modules>\n    <module>testkit</module>\n    <module>sockets</module>\n"
                + "    <module>threads</module>\n  </modules>"), pom);
        assertTrue(pom.contains("<skipTests>false</skipTests>"));
        assertTrue(pom.contains("<wirelab.points.label>public points</wirelab.points.label>"));
        assertFalse(pom.contains("wirelab-runner") || pom.contains("wirelab-cli") || pom.contains("src/grading")
                || pom.contains("<module>grading/similarity</module>"), pom);
        assertTrue(text(files, "threads/pom.xml").contains("<artifactId>wirelab-student</artifactId>"));
        assertTrue(text(files, "testkit/pom.xml").contains("<relativePath>../pom.xml</relativePath>"));
        assertTrue(text(files, "README.md").contains("| 2 | [`threads`](threads/README.md)"));
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (e.getKey().endsWith(".java")) {
                assertFalse(new String(e.getValue(), StandardCharsets.UTF_8).contains("BEGIN SOLUTION"),
                        "solution marker in " + e.getKey());
            }
        }
    }

    @Test
    @DisplayName("the classroom workflow has one step per graded public test, worth its points, and a reporter")
    void classroomWorkflowCarriesThePoints() {
        StudentRepo repo = new StudentRepo(COURSE, 1);
        String yml = text(repo.files(), ".github/workflows/classroom.yml");
        List<ClassroomWorkflow.GradedMethod> tests = ClassroomWorkflow.gradedTests(COURSE.requireLab("sockets"));
        assertFalse(tests.isEmpty());
        assertEquals(tests.size(), yml.split("uses: classroom-resources/autograding-command-grader@v1", -1).length - 1);
        assertTrue(yml.contains("uses: classroom-resources/autograding-grading-reporter@v1"));
        assertTrue(yml.contains("SOCKETS-01_RESULTS: \"${{steps.sockets-01.outputs.result}}\""), yml);
        assertTrue(yml.contains("runners: sockets-01,sockets-02"), yml);
        long maxScores = yml.lines().filter(l -> l.strip().startsWith("max-score:"))
                .mapToLong(l -> Long.parseLong(l.strip().substring("max-score:".length()).strip())).sum();
        assertEquals((long) Math.ceil(tests.stream().mapToDouble(ClassroomWorkflow.GradedMethod::points).sum()), maxScores);
        ClassroomWorkflow.GradedMethod first = tests.get(0);
        assertTrue(yml.contains("PASS " + first.className() + "#" + first.method() + " ' sockets/target/wirelab/results.txt"), yml);
        assertEquals(1, yml.split("\\./mvnw", -1).length - 1, "Maven must start once per push:\n" + yml);
        assertFalse(yml.contains("\t"));
    }

    @Test
    @DisplayName("the classroom workflow is valid for GitHub Actions (action-validator; required on CI)")
    void classroomWorkflowValidates(@TempDir Path dir) throws Exception {
        var validator = Tools.require("action-validator", "npm install -g @action-validator/cli@0.6.0");
        Path yml = dir.resolve("classroom.yml");
        Files.writeString(yml, text(new StudentRepo(COURSE, 4).files(), ".github/workflows/classroom.yml"));
        Process p = new ProcessBuilder(validator.toString(), yml.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "action-validator did not finish");
        assertEquals(0, p.exitValue(), "action-validator rejects the workflow:\n" + out);
    }

    @Test
    @DisplayName("publish refuses a lab that has no PASS stamp from check, or whose sources changed since")
    void releaseGateStamps(@TempDir Path stamps) {
        GateStamps gate = new GateStamps(stamps);
        Lab sockets = COURSE.requireLab("sockets");
        assertTrue(gate.refusals(List.of(sockets)).get(0).contains("has not passed"));
        gate.record(sockets, false, true);
        assertTrue(gate.refusals(List.of(sockets)).get(0).contains("FAILED"));
        gate.record(sockets, true, true);
        assertEquals(List.of(), gate.refusals(List.of(sockets)));
    }

    @Test
    @DisplayName("a changed source file invalidates the stamp")
    void changedSourcesInvalidateTheStamp(@TempDir Path tmp) throws Exception {
        Path lab = Files.createDirectories(tmp.resolve("solutions/demo/src/main/java"));
        Files.writeString(tmp.resolve("solutions/demo/pom.xml"), "<project/>");
        Files.writeString(lab.resolve("A.java"), "class A {}");
        Lab demo = new Lab("demo", tmp.resolve("solutions/demo"), tmp.resolve("labs/demo"), new java.util.Properties());
        GateStamps gate = new GateStamps(tmp.resolve("stamps"));
        gate.record(demo, true, true);
        Files.createDirectories(tmp.resolve("solutions/demo/target")).resolve("x.class").toFile().createNewFile();
        assertEquals(List.of(), gate.refusals(List.of(demo)), "build output must not count as a change");
        Files.writeString(lab.resolve("A.java"), "class A { int x; }");
        assertTrue(gate.refusals(List.of(demo)).get(0).contains("changed since"));
    }

    @Test
    void writesIntoAFreshFolderOnly(@TempDir Path tmp) throws Exception {
        StudentRepo repo = new StudentRepo(COURSE, 1);
        Path out = tmp.resolve("repo");
        assertEquals(repo.files().size(), repo.write(out));
        assertTrue(Files.isExecutable(out.resolve("mvnw")));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> repo.write(out));
    }
}
