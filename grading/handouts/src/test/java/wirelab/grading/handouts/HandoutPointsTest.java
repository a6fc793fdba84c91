package wirelab.grading.handouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;

/**
 * Each handout's points table promises what the lab's tests are worth: per column (public, hidden,
 * race) and in total, as the grader counts the {@code @Points} of the compiled tests.
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
            problems.addAll(HandoutPoints.check(course.root().relativize(handout), Files.readAllLines(handout), lab.name(),
                    LabPoints.of(lab)));
        }
        assertTrue(problems.isEmpty(), "handouts that promise other points than the tests give:\n" + String.join("\n", problems));
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
        assertEquals(List.of(), HandoutPoints.check(Path.of("h.md"), table, "threads",
                Map.of(PointsTable.Kind.PUBLIC, 29.0, PointsTable.Kind.HIDDEN, 12.0, PointsTable.Kind.RACE, 9.0)));
    }

    @Test
    @DisplayName("a table that disagrees fails with both numbers: the handout's and the tests'")
    void disagreeingTableFailsWithBothNumbers() {
        List<String> problems = HandoutPoints.check(Path.of("h.md"), TABLE, "threads",
                Map.of(PointsTable.Kind.PUBLIC, 27.0, PointsTable.Kind.HIDDEN, 12.0, PointsTable.Kind.RACE, 0.0));
        assertTrue(problems.contains("h.md:3: the table gives the public tests 29 points, but the lab's public tests are worth 27 (their @Points)"),
                String.join("\n", problems));
        assertTrue(problems.contains("h.md:3: the table gives the race tests 9 points, but the lab's race tests are worth 0 (their @Points)"),
                String.join("\n", problems));
        assertTrue(problems.contains("h.md:3: the table's total is 50, but the lab's graded tests are worth 39 (public 27, hidden 12, race 0)"),
                String.join("\n", problems));
        assertTrue(problems.contains("h.md: the heading says 100 points, but the lab's graded tests are worth 39"),
                String.join("\n", problems));
        assertTrue(problems.contains("h.md:9: the summary line says 29 public points, but the lab's public tests are worth 27"),
                String.join("\n", problems));
    }

    @Test
    @DisplayName("parts that do not add up to the total row are named")
    void partsMustAddUp() {
        List<String> table = TABLE.stream().map(l -> l.replace("| 21 |", "| 20 |").replace("(100 points)", "(50 points)")).toList();
        List<String> problems = HandoutPoints.check(Path.of("h.md"), table, "threads",
                Map.of(PointsTable.Kind.PUBLIC, 29.0, PointsTable.Kind.HIDDEN, 12.0, PointsTable.Kind.RACE, 9.0));
        assertEquals(List.of("h.md:3: the parts' public points add up to 28, the total row says 29"), problems);
    }
}
