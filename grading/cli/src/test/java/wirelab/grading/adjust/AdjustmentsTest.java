package wirelab.grading.adjust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.report.Gradebook;
import wirelab.grading.report.ResultFiles;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/** A staff adjustment changes the score within its bounds, says why everywhere, and can be replaced exactly. */
class AdjustmentsTest {

    @TempDir
    Path tmp;

    /** 6 of 10: test01 passed (4), test02 failed (0 of 6). */
    static SubmissionResult graded(String student) {
        return SubmissionResult.graded(student, "rmi").score(4, 10)
                .tests(List.of(new TestVerdict("wirelab.rmi.StoreTest#test01_put", "stores a value", "StoreTest", "junit", 4, 4,
                                "passed", null, null, null, 0.1),
                        new TestVerdict("wirelab.rmi.StoreTest#test02_concurrentPuts", "keeps concurrent puts", "StoreTest",
                                "junit", 0, 6, "failed", "expected 200 entries but found 187", null, null, 0.3)))
                .isolation("plain").inputHash("h").jvms(1).seconds(1.0).build();
    }

    static Adjustments.Row row(String test, double points, String comment) {
        return new Adjustments.Row(2, "ada", test, points, comment, "kim");
    }

    @Test
    @DisplayName("a test's adjustment stays within that test's points; the whole submission's within 0 and the maximum")
    void clampsAndRecordsWhatApplied() {
        Adjustments.Applied a = Adjustments.apply(graded("ada"), List.of(
                row("StoreTest.test02", 5, "regrade granted: the count was off by a race in the test"),
                row("", -2, "no README"),
                row("test01_put", 3, "bonus on a passed test")));
        SubmissionResult r = a.result();
        assertEquals(List.of(), a.problems());
        assertEquals(7, r.score(), "4 + 5 - 2 (+3 on a test already at 4/4 adds nothing)");
        assertEquals(4, r.gradedScore());
        assertEquals(List.of(5.0, -2.0, 0.0), r.adjustments().stream().map(x -> x.applied()).toList());
        assertTrue(r.adjustments().get(2).describe().contains("asked +3"), r.adjustments().get(2).describe());
        assertEquals(0, Adjustments.apply(graded("ada"), List.of(row("", -50, "plagiarism"))).result().score(),
                "never below 0");
        assertEquals(10, Adjustments.apply(graded("ada"), List.of(row("", 50, "x"))).result().score(), "never above the max");
    }

    @Test
    @DisplayName("applying again replaces what a result carried: a changed file gives the new score, not both")
    void reapplyingReplaces() {
        SubmissionResult once = Adjustments.apply(graded("ada"), List.of(row("", -2, "late README"))).result();
        SubmissionResult twice = Adjustments.apply(once, List.of(row("", -2, "late README"))).result();
        assertEquals(once, twice);
        SubmissionResult changed = Adjustments.apply(twice, List.of(row("", -1, "late README, halved"))).result();
        assertEquals(3, changed.score());
        assertEquals(graded("ada"), Adjustments.apply(changed, List.of()).result(), "no row: back to the graded result");
    }

    @Test
    @DisplayName("a row naming no test, or two, is reported with its line and not applied")
    void unknownTestsAreReported() {
        Adjustments.Applied a = Adjustments.apply(graded("ada"), List.of(row("StoreTest.test09", 2, "typo"),
                row("StoreTest", 1, "ambiguous?")));
        assertEquals(4, a.result().score());
        assertEquals(2, a.problems().size(), a.problems().toString());
        assertTrue(a.problems().get(0).startsWith("adjustments.csv:2: no test 'StoreTest.test09' in lab rmi"), a.problems().get(0));
    }

    @Test
    @DisplayName("the file: rows appended keep their sign, bad rows are named by line, and every output says why")
    void fileAndOutputs() throws Exception {
        Adjustments.append(tmp, "ada", "", -2, "=no README", "kim");
        Adjustments.append(tmp, "ada", "StoreTest.test02", 1.5, "regrade granted", "lee");
        String text = Files.readString(tmp.resolve(Adjustments.FILE));
        assertTrue(text.contains("ada,,-2,'=no README,kim") && text.contains("ada,StoreTest.test02,+1.5,regrade granted,lee"),
                text);
        Files.writeString(tmp.resolve(Adjustments.FILE), "bob,,two,typo,kim\r\n,,1,,\r\n", java.nio.file.StandardOpenOption.APPEND);
        Adjustments.Sheet sheet = Adjustments.read(tmp);
        assertEquals(2, sheet.rows().size());
        assertEquals(List.of("adjustments.csv:4: points must be a number like -2 or +1.5, not 'two'; row ignored",
                "adjustments.csv:5: no student; row ignored"), sheet.problems());

        SubmissionResult r = Adjustments.apply(graded("ada"), sheet.of("ada")).result();
        assertEquals(3.5, r.score());
        ResultFiles.write(r, tmp.resolve("ada"));
        assertEquals(r, ResultFiles.read(tmp.resolve("ada")), "result.json keeps the adjustments");
        String feedback = Files.readString(tmp.resolve("ada/feedback.txt"));
        assertTrue(feedback.startsWith("ada — lab rmi: 3.50 / 10 points\nThe tests gave 4; adjusted by course staff (-0.50):\n"
                + "  -2  whole submission: '=no README (kim)\n  +1.50  StoreTest.test02 keeps concurrent puts: regrade granted (lee)\n"),
                feedback);
        JsonNode gs = new ObjectMapper().readTree(tmp.resolve("ada/results.json").toFile());
        assertEquals(3.5, gs.get("score").asDouble());
        assertEquals("Adjustment by course staff: '=no README", gs.get("tests").get(2).get("name").asText());
        assertTrue(gs.get("output").asText().contains("The tests gave 4"));
        Gradebook.write(List.of(r), tmp.resolve("gradebook.csv"));
        List<String> book = Files.readAllLines(tmp.resolve("gradebook.csv"));
        assertTrue(book.get(1).startsWith("ada,3.50,10,35.0,graded,1,2,\"adjusted: -2 '=no README, +1.50 regrade granted\",4,-0.50,"),
                book.get(1));
    }
}
