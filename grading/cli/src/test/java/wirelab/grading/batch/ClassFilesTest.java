package wirelab.grading.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.adjust.Adjustments;
import wirelab.grading.intake.Submitter;
import wirelab.grading.intake.TaFixtures;
import wirelab.grading.late.Deadline;
import wirelab.grading.report.ResultFiles;
import wirelab.grading.result.CsvTable;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.roster.Identity;
import wirelab.grading.roster.Roster;

/** The class files come from every student in the folder: a regrade of one keeps the class. */
class ClassFilesTest {

    @TempDir
    Path out;

    static final Deadline DUE = TaFixtures.RMI_DUE;

    static SubmissionResult result(String student, double score) {
        return TaFixtures.result(student, score, 10);
    }

    static void graded(Path out, String student, double score, String submittedAt, String... roster) {
        Path dir = out.resolve("students").resolve(student);
        ResultFiles.write(result(student, score), dir);
        new Identity(student, "classroom", "rmi-" + student, List.of(Submitter.github(student + "-gh")), submittedAt,
                "last commit", List.of(roster), roster.length == 0 ? "" : "github").write(dir);
    }

    static ClassFiles.Context ctx() {
        return new ClassFiles.Context("rmi", "plain", Set.of(), DUE);
    }

    @Test
    @DisplayName("regrading one student rewrites the gradebook and report with the whole class")
    void regradeOneKeepsTheClass() throws Exception {
        graded(out, "ada", 10, "2026-10-04T20:00:00Z", "ada");
        graded(out, "alan", 4, "2026-10-04T20:00:00Z", "alan");
        graded(out, "grace", 7, "2026-10-05T22:00:00Z", "grace");
        ClassFiles.rebuild(out, ctx());
        // grace is graded again on her own (a new result for her only), as grade --only grace does
        ResultFiles.write(result("grace", 9), out.resolve("students/grace"));
        ClassFiles.Summary s = ClassFiles.rebuild(out, ctx());
        List<CsvTable.Row> book = CsvTable.read(out.resolve("gradebook.csv"), "student", "score");
        assertEquals(List.of("ada", "alan", "grace"), book.stream().map(r -> r.get("student")).toList());
        assertEquals("9", book.get(2).get("score"));
        assertEquals("2026-10-05T22:00:00Z", book.get(2).get("submitted_at"));
        String html = Files.readString(s.report());
        for (String st : List.of("ada", "alan", "grace")) {
            assertTrue(html.contains("data-student=\"" + st + "\""), st + " is in the report");
        }
        assertTrue(html.contains("<div class=\"v\" id=\"students\">3</div>"), "3 students");
        assertEquals(1, s.view().late().size(), "grace submitted a day late");
        assertEquals("grace", s.view().late().get(0).student());
        assertTrue(Files.readString(s.matrix()).startsWith("student,StoreTest.test01 (10),graded_score,adjustment,score,max_score"));
    }

    @Test
    @DisplayName("an adjustment is applied to the stored result and survives a new grading of that student")
    void adjustmentsSurviveRegrading() throws Exception {
        graded(out, "ada", 10, "", "ada");
        graded(out, "alan", 4, "", "alan");
        Adjustments.append(out, "alan", "", 2, "regrade request granted", "kim");
        ClassFiles.rebuild(out, ctx());
        assertEquals(6, ResultFiles.read(out.resolve("students/alan")).score());
        assertTrue(Files.readString(out.resolve("students/alan/feedback.txt")).contains("regrade request granted (kim)"));
        // a forced regrade writes the raw result again; the class files put the adjustment back
        ResultFiles.write(result("alan", 4), out.resolve("students/alan"));
        ClassFiles.Summary s = ClassFiles.rebuild(out, ctx());
        assertEquals(6, ResultFiles.read(out.resolve("students/alan")).score());
        assertEquals(1, s.adjusted());
        assertEquals("6", CsvTable.read(out.resolve("gradebook.csv"), "student").get(1).get("score"));
        assertEquals("+2", CsvTable.read(out.resolve("gradebook.csv"), "student").get(1).get("adjustment"));
        // a row for nobody graded is reported, not dropped silently
        Adjustments.append(out, "zed", "", 1, "typo", "kim");
        assertTrue(ClassFiles.rebuild(out, ctx()).view().problems().get(0).contains("no graded student 'zed'"));
    }

    @Test
    @DisplayName("roster coverage: who has no submission, which submissions the roster does not know")
    void rosterCoverage() throws Exception {
        Files.copy(TaFixtures.resource("roster.csv"), out.resolve(Roster.FILE));
        graded(out, "ada", 10, "2026-10-04T20:00:00Z", "ada");
        graded(out, "grace", 7, "2026-10-04T20:00:00Z", "grace", "alan");
        graded(out, "mallory-x", 3, "2026-10-04T20:00:00Z");
        ClassFiles.Summary s = ClassFiles.rebuild(out, ctx());
        assertEquals(7, s.view().rosterSize());
        assertEquals(List.of("dora", "carol", "bob", "frank"), s.view().missing().stream().map(p -> p.student()).toList(),
                "alan is in grace's group");
        assertEquals(List.of("mallory-x"), s.view().unmatched().stream().map(p -> p.student()).toList());
        assertTrue(s.view().unmatched().get(0).detail().contains("GitHub @mallory-x-gh"), s.view().unmatched().get(0).detail());
        List<CsvTable.Row> book = CsvTable.read(out.resolve("gradebook.csv"), "student");
        assertEquals("20261001", book.get(0).get("sis_id"));
        assertEquals("Lovelace, Ada", book.get(0).get("name"));
    }
}
