package wirelab.grading.mutate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.batch.GradingSession;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.files.Folders;
import wirelab.grading.grade.GradeOptions;

/**
 * {@code wirelab mutate} end to end on a tiny fixture lab (src/test/resources/mutate-fixture): one
 * mutant a test kills, one that survives, one listed as equivalent, one that does not compile,
 * graded through the real pipeline (prepared lab, batch, isolated test JVMs); and the contract
 * operators' mutants of a table, graded the same way.
 */
class MutateFixtureTest {

    static final List<String> OPERATORS = List.of("boundary", "negate-condition", "remove-return", "remove-synchronized-method");

    @TempDir
    static Path course;

    static GradingSession session;

    @BeforeAll
    static void prepare() throws IOException {
        Folders.copy(Path.of("src/test/resources/mutate-fixture"), course);
        Files.writeString(course.resolve("pom.xml"), "<project/>\n");
        Path labDir = course.resolve("solutions/fixture");
        // the fixture's test class path, as Maven would write it: JUnit and the test kit from this JVM's
        String cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains("junit") || e.contains("opentest4j") || e.contains("apiguardian") || e.contains("testkit"))
                .collect(Collectors.joining(File.pathSeparator));
        Files.createDirectories(labDir.resolve("target"));
        Files.writeString(labDir.resolve("target/test.classpath"), cp);
        Course c = new Course(course);
        Lab fixture = c.requireLab("fixture");
        session = GradingSession.open(c, fixture, GradeOptions.defaults(), GradingSession.isolation(), 2, s -> { });
    }

    private static MutationRun.Result run(Path out) {
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new MutationRun(session, console).run(new MutationRun.Options(OPERATORS, 0, false, true), out);
    }

    @Test
    @DisplayName("killed, survived, equivalent and not compiled, each where the fixture says; score = killed / (compiled - equivalent)")
    void fourOutcomes(@TempDir Path out) throws IOException {
        MutationRun.Result r = run(out);
        Map<String, MutantOutcome> byOp = r.outcomes().stream().collect(Collectors.toMap(o -> o.mutant().operator(), o -> o));
        assertEquals(4, r.outcomes().size(), r.outcomes().toString());

        MutantOutcome killed = byOp.get("negate-condition");
        assertEquals(MutantOutcome.KILLED, killed.status(), killed.toString());
        assertTrue(killed.killedBy().stream().anyMatch(k -> k.contains("add(2) twice counts 4")), killed.killedBy().toString());

        MutantOutcome survived = byOp.get("boundary");
        assertEquals(MutantOutcome.SURVIVED, survived.status(), survived.toString());
        assertEquals("wirelab/fixture/Counter.java:11:boundary:1", survived.mutant().id());
        assertTrue(survived.mutant().diff().contains("+        if (n <= 0) {"), survived.mutant().diff());

        MutantOutcome equivalent = byOp.get("remove-synchronized-method");
        assertEquals(MutantOutcome.EQUIVALENT, equivalent.status());
        assertTrue(equivalent.note().contains("single-threaded"), equivalent.note());

        MutantOutcome broken = byOp.get("remove-return");
        assertEquals(MutantOutcome.NOT_COMPILED, broken.status());
        assertTrue(broken.note().contains("missing return"), broken.note());

        assertEquals(0.5, r.score(), 1e-9);

        MutationReport.writeJson(r, out.resolve("mutants.json"));
        JsonNode json = new ObjectMapper().readTree(out.resolve("mutants.json").toFile());
        assertEquals(0.5, json.get("score").asDouble(), 1e-9);
        assertEquals("survived", json.at("/mutants/0/status").asText(), "survivors come first");
        assertEquals(1, json.at("/counts/killed").asInt());
        assertEquals(1, json.at("/counts/not-compiled").asInt());

        MutationReport.writeHtml(r, out.resolve("mutants.html"));
        String html = Files.readString(out.resolve("mutants.html"));
        assertTrue(html.indexOf("data-status=\"survived\"") < html.indexOf("data-status=\"killed\""), "survivors first");
        assertTrue(!html.contains("<script") && !html.contains("http"), "self-contained");
        assertTrue(MutationReport.summary(r).contains("score 50.0% (1 killed / 2 graded)"), MutationReport.summary(r));
    }

    @Test
    @DisplayName("--only grades just the mutants named (the others are not even compiled); an unknown id or one its operator leaves out fails, naming it")
    void onlyTheNamedMutants(@TempDir Path out) {
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String survivor = "wirelab/fixture/Counter.java:11:boundary:1";
        MutationRun.Result r = new MutationRun(session, console).run(
                new MutationRun.Options(OPERATORS, 0, false, true, List.of(survivor)), out);
        assertEquals(List.of(survivor), r.outcomes().stream().map(o -> o.mutant().id()).toList());
        assertEquals(MutantOutcome.SURVIVED, r.outcomes().get(0).status());
        assertEquals(0.0, r.score(), 1e-9);

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> new MutationRun(session, console)
                .run(new MutationRun.Options(OPERATORS, 0, false, true, List.of(survivor, "wirelab/fixture/Counter.java:99:boundary:1")), out));
        assertTrue(unknown.getMessage().contains("Counter.java:99:boundary:1") && !unknown.getMessage().contains(":11:"), unknown.getMessage());

        IllegalArgumentException leftOut = assertThrows(IllegalArgumentException.class, () -> new MutationRun(session, console)
                .run(new MutationRun.Options(List.of("negate-condition"), 0, false, true, List.of(survivor)), out));
        assertTrue(leftOut.getMessage().contains(survivor) && leftOut.getMessage().contains("--operators"), leftOut.getMessage());
    }

    @Test
    @DisplayName("the contract operators end to end: a table row a test reads is killed, a row no test reads survives, a forgotten default is killed")
    void contractOperators(@TempDir Path out) {
        PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        MutationRun.Result r = new MutationRun(session, console).run(new MutationRun.Options(List.of("contract"), 0, false, true), out);
        Map<String, String> status = r.outcomes().stream().collect(Collectors.toMap(o -> o.mutant().id(), MutantOutcome::status));
        assertEquals(Map.of(
                "wirelab/fixture/Reasons.java:9:remove-table-entry:1", MutantOutcome.KILLED,
                "wirelab/fixture/Reasons.java:9:remove-table-entry:2", MutantOutcome.SURVIVED,
                "wirelab/fixture/Reasons.java:18:get-or-default-to-get:1", MutantOutcome.KILLED), status);
        MutantOutcome dropped200 = r.outcomes().stream().filter(o -> o.mutant().id().endsWith("remove-table-entry:1")).findFirst().orElseThrow();
        assertTrue(dropped200.mutant().diff().contains("+    private static final Map<Integer, String> PHRASES = Map.of(404, \"Not Found\");"),
                dropped200.mutant().diff());
        assertTrue(dropped200.killedBy().stream().anyMatch(k -> k.contains("200 is OK")), dropped200.killedBy().toString());
    }

    @Test
    @DisplayName("an id in mutants.ignore that no mutant has any more fails the run, naming the id")
    void staleIgnoreListFails(@TempDir Path out) throws IOException {
        Path ignore = session.lab().lab().solutionDir().resolve(IgnoreList.NAME);
        String before = Files.readString(ignore);
        try {
            Files.writeString(ignore, before + "wirelab/fixture/Counter.java:99:boundary:1  moved away\n");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(out));
            assertTrue(e.getMessage().contains("wirelab/fixture/Counter.java:99:boundary:1"), e.getMessage());
        } finally {
            Files.writeString(ignore, before);
        }
    }
}
