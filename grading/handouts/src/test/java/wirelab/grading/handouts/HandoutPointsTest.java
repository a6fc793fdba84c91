package wirelab.grading.handouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import wirelab.grading.autograder.AutograderBundle;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.course.Week;
import wirelab.grading.publish.StudentRepo;

/**
 * Each handout's points table promises what the lab's tests are worth: per column (public, hidden,
 * race) and in total, as the grader counts the {@code @Points} of the compiled tests. And every
 * other place a reader is told a lab's maximum (README.md, docs/, the student repository's README
 * and Classroom workflow, each Gradescope bundle's README) states the same numbers.
 */
class HandoutPointsTest {

    @Test
    @DisplayName("every handout's points table adds up to what its lab's graded tests are worth")
    void pointsTablesMatchTheTests() throws Exception {
        Course course = Course.locate();
        List<String> problems = new ArrayList<>();
        List<Lab> labs = course.labList();
        assertTrue(labs.size() >= 4, "the labs of solutions/: " + labs);
        for (Lab lab : labs) {
            Path handout = course.handout(lab).orElseThrow(() -> new AssertionError(lab.name() + " has no handout"));
            Map<PointsTable.Kind, Double> compiled = LabPoints.of(lab);
            problems.addAll(HandoutPoints.check(course.root().relativize(handout), Files.readAllLines(handout), compiled));
            // the other channels count from the sources (Classroom's steps, autograder --out): the same numbers
            wirelab.grading.course.LabPoints sources = wirelab.grading.course.LabPoints.of(lab);
            double total = compiled.values().stream().mapToDouble(Double::doubleValue).sum();
            if (sources.publicPoints() != compiled.get(PointsTable.Kind.PUBLIC) || sources.total() != total) {
                problems.add(lab.name() + ": the tests' sources are worth " + sources.describe() + ", the compiled tests "
                        + LabPoints.describe(compiled));
            }
        }
        assertTrue(problems.isEmpty(), "handouts that promise other points than the tests give:\n" + String.join("\n", problems));
    }

    @Test
    @DisplayName("every maximum a reader is told (handouts, README.md, docs/, the student repository, Classroom, Gradescope) is the lab's")
    void statedMaximaAgree() throws Exception {
        Course course = Course.locate();
        Map<String, HandoutPoints.Maximum> labs = new TreeMap<>();
        for (Lab lab : course.labList()) {
            wirelab.grading.course.LabPoints p = wirelab.grading.course.LabPoints.of(lab);
            labs.put(lab.name(), new HandoutPoints.Maximum(p.total(), p.publicPoints()));
        }
        List<String> problems = new ArrayList<>();
        for (Lab lab : course.labList()) {
            // the handout: the summary line and "These N points are the lab's grade ... the public M of them"
            Path handout = course.handout(lab).orElseThrow();
            state(problems, course.root().relativize(handout), Files.readString(handout), lab.name(), labs, 2);
            AutograderBundle bundle = new AutograderBundle(course, lab);
            state(problems, Path.of("autograder-" + lab.name() + ".zip/README.md"),
                    new String(bundle.files().get("README.md"), StandardCharsets.UTF_8), lab.name(), labs, 1);
        }
        StudentRepo repo = new StudentRepo(course, course.weeks().stream().mapToInt(Week::number).max().orElseThrow());
        Map<String, byte[]> files = repo.files();
        state(problems, Path.of("student-repository/README.md"), new String(files.get("README.md"), StandardCharsets.UTF_8),
                null, labs, 1);
        String workflow = new String(files.get(".github/workflows/classroom.yml"), StandardCharsets.UTF_8);
        state(problems, Path.of("student-repository/.github/workflows/classroom.yml"), workflow, null, labs, 1);
        long steps = workflow.lines().filter(l -> l.strip().startsWith("max-score:"))
                .mapToLong(l -> Long.parseLong(l.strip().substring("max-score:".length()).strip())).sum();
        double publicPoints = repo.labs().stream().mapToDouble(l -> labs.get(l.name()).publicPoints()).sum();
        if (steps != publicPoints) {
            problems.add("the Classroom workflow's steps are worth " + steps + " (their max-score), the labs' public points "
                    + LabPoints.num(publicPoints));
        }
        List<Path> docs = new ArrayList<>(List.of(course.root().resolve("README.md")));
        try (Stream<Path> s = Files.list(course.root().resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        for (Path doc : docs) {
            state(problems, course.root().relativize(doc), Files.readString(doc), null, labs, 0);
        }
        assertTrue(problems.isEmpty(), "places that state another maximum than the labs' tests give:\n" + String.join("\n", problems));
    }

    private static void state(List<String> problems, Path file, String text, String lab, Map<String, HandoutPoints.Maximum> labs,
            int atLeast) {
        int[] found = {0};
        problems.addAll(HandoutPoints.statements(file, text, lab, labs, found));
        if (found[0] < atLeast) {
            problems.add(file + ": states " + found[0] + " maximum(s) of its lab, expected at least " + atLeast);
        }
    }

    static final List<String> TABLE = List.of(
            "## How it is graded (100 points)",
            "",
            "| part | public tests | hidden tests | jcstress | total |",
            "|---|---|---|---|---|",
            "| 1 workers | 8: each worker held | 7 | — | 15 |",
            "| 2 counters | 21 | 5 | 9: 3 counters × 3 | 35 |",
            "| **total** | **29** | **12** | **9** | **50** |",
            "",
            "The last line reads `threads: N / 29 public points`.");

    @Test
    @DisplayName("a table that agrees with the tests passes")
    void agreeingTablePasses() {
        List<String> table = TABLE.stream().map(l -> l.replace("(100 points)", "(50 points)")).toList();
        assertEquals(List.of(), HandoutPoints.check(Path.of("h.md"), table,
                Map.of(PointsTable.Kind.PUBLIC, 29.0, PointsTable.Kind.HIDDEN, 12.0, PointsTable.Kind.RACE, 9.0)));
    }

    @Test
    @DisplayName("a table that disagrees fails with both numbers: the handout's and the tests'")
    void disagreeingTableFailsWithBothNumbers() {
        List<String> problems = HandoutPoints.check(Path.of("h.md"), TABLE,
                Map.of(PointsTable.Kind.PUBLIC, 27.0, PointsTable.Kind.HIDDEN, 12.0, PointsTable.Kind.RACE, 0.0));
        assertTrue(problems.contains("h.md:3: the table gives the public tests 29 points, but the lab's public tests are worth 27 (their @Points)"),
                String.join("\n", problems));
        assertTrue(problems.contains("h.md:3: the table gives the race tests 9 points, but the lab's race tests are worth 0 (their @Points)"),
                String.join("\n", problems));
        assertTrue(problems.contains("h.md:3: the table's total is 50, but the lab's graded tests are worth 39 (public 27, hidden 12, race 0)"),
                String.join("\n", problems));
        assertTrue(problems.contains("h.md: the heading says 100 points, but the lab's graded tests are worth 39"),
                String.join("\n", problems));
    }

    @Test
    @DisplayName("parts that do not add up to the total row are named")
    void partsMustAddUp() {
        List<String> table = TABLE.stream().map(l -> l.replace("| 21 |", "| 20 |").replace("(100 points)", "(50 points)")).toList();
        List<String> problems = HandoutPoints.check(Path.of("h.md"), table,
                Map.of(PointsTable.Kind.PUBLIC, 29.0, PointsTable.Kind.HIDDEN, 12.0, PointsTable.Kind.RACE, 9.0));
        assertEquals(List.of("h.md:3: the parts' public points add up to 28, the total row says 29"), problems);
    }

    @Test
    @DisplayName("a heading without its total is named, with the total to write")
    void headingMustStateTheTotal() {
        List<String> table = TABLE.stream().map(l -> l.replace(" (100 points)", "")).toList();
        assertEquals(List.of("h.md: the heading \"How it is graded\" states no total: write \"How it is graded (50 points)\""),
                HandoutPoints.check(Path.of("h.md"), table,
                        Map.of(PointsTable.Kind.PUBLIC, 29.0, PointsTable.Kind.HIDDEN, 12.0, PointsTable.Kind.RACE, 9.0)));
    }

    static final Map<String, HandoutPoints.Maximum> LABS = Map.of("threads", new HandoutPoints.Maximum(85, 55),
            "rmi", new HandoutPoints.Maximum(65, 35));

    @Test
    @DisplayName("every way a document states a maximum is checked, and a wrong one is named with file, line and both numbers")
    void wrongStatementsAreNamed() {
        String text = """
                The last line reads `threads: N / 54 public points`.
                The totals: threads 85 (public 55), rmi 70 (public 35).
                ./wirelab autograder --lab rmi --out x.zip
                total to enter on Gradescope: 65 points (public
                36 + hidden 29)
                # Total: 91 points, the public points of the released labs (threads 55, rmi 35).
                lab rmi
                  reference       65/65  full marks
                  starter          0/60  38 failed

                | week | lab | topic | points (public) |
                | 2 | [`threads`](modules/week2-threads/README.md) | threads, `count++` | 85 (50) |
                """;
        int[] found = {0};
        List<String> problems = HandoutPoints.statements(Path.of("d.md"), text, null, LABS, found);
        assertEquals(List.of(
                "d.md:1: threads: the summary line says 54, but the lab's tests are worth 55 public points",
                "d.md:2: rmi: the total says 70, but the lab's tests are worth 65 points",
                "d.md:12: threads: the public points says 50, but the lab's tests are worth 55 public points",
                "d.md:4: rmi: the public points says 36, but the lab's tests are worth 35 public points",
                "d.md:6: the Classroom total says 91, but the lab's tests are worth 90 public points of its labs",
                "d.md:9: rmi: the scoreboard row \"starter          0/60  38 failed\" says 60, but the lab's tests are worth 65 points"),
                problems);
        assertEquals(8, found[0]);
    }

    @Test
    @DisplayName("a handout's \"These N points are the lab's grade\" is its own lab's")
    void handoutSentenceIsItsLabs() {
        String text = "These 85 points are the lab's grade wherever it is graded (the course's grader,\n"
                + "Gradescope); the last line of `./mvnw test` counts the public 50 of them.";
        int[] found = {0};
        assertEquals(List.of("h.md:1: threads: the public points says 50, but the lab's tests are worth 55 public points"),
                HandoutPoints.statements(Path.of("h.md"), text, "threads", LABS, found));
        assertEquals(1, found[0]);
    }
}
