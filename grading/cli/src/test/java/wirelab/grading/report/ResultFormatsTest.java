package wirelab.grading.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/** result.json round-trips, Gradescope's fields and escaping, well-formed JUnit XML, CSV quoting, diff. */
class ResultFormatsTest {

    @TempDir
    Path tmp;

    static SubmissionResult sample(String student, double score, String status2) {
        String nasty = "expected <1> but was \"2\" & \u0001 \u001b[31m, \\ backslash\nsecond line";
        return SubmissionResult.graded(student, "threads").score(score, 5)
                .tests(List.of(new TestVerdict("a.B#test01_x", "counts to 400 000", "B", "junit", 3, 3, "passed", null, null, null, 0.5),
                        new TestVerdict("a.B#test02_y", "does not deadlock", "B", "junit", score - 3, 2, status2, nasty,
                                "printed <b>", "\"main\" RUNNABLE", 12.25)))
                .notes(List.of("note, with comma")).isolation("plain").inputHash("h1").jvms(1).seconds(13.4).build();
    }

    @Test
    void resultJsonRoundTrips() {
        SubmissionResult r = sample("alice", 3, "timeout");
        ResultFiles.write(r, tmp);
        assertEquals(r, ResultFiles.read(tmp));
    }

    @Test
    void aTestNotGradedHereIsNeitherPassedNorFailedAndEveryFormatSaysSo() throws Exception {
        String why = "not graded on this machine: chromium is not installed (apt-get install chromium); its 4 point(s)"
                + " are left out of the maximum";
        SubmissionResult r = SubmissionResult.graded("bob", "dispatcher").score(3, 3)
                .tests(List.of(new TestVerdict("a.B#test01_x", "parses", "B", "junit", 3, 3, "passed", null, null, null, 0.5),
                        new TestVerdict("a.ChromiumTest#test01_page", "a browser loads the page", "ChromiumTest", "junit",
                                0, 4, TestVerdict.NOT_GRADED, why, null, null, 0)))
                .notes(List.of("not graded on this machine (...): 1 test(s), 4 point(s):"
                        + " ChromiumTest#test01_page — install with: apt-get install chromium"))
                .isolation("plain").inputHash("h").jvms(1).seconds(2).build();
        ResultFiles.write(r, tmp);
        String feedback = Files.readString(tmp.resolve("feedback.txt"));
        assertTrue(feedback.contains("bob — lab dispatcher: 3 / 3 points"), feedback);
        assertTrue(feedback.contains("– -/4  a browser loads the page [not-graded]"), feedback);
        assertTrue(feedback.contains("install with: apt-get install chromium"), feedback);
        JsonNode gs = new ObjectMapper().readTree(tmp.resolve("results.json").toFile());
        JsonNode t = gs.get("tests").get(1);
        assertEquals(0.0, t.get("max_score").asDouble(), "worth nothing here");
        assertTrue(!t.has("status"), "neither passed nor failed");
        assertTrue(t.get("name").asText().endsWith("(not graded on this machine)"));
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(tmp.resolve("junit.xml").toFile());
        assertEquals("1", xml.getDocumentElement().getAttribute("skipped"));
        assertEquals("0", xml.getDocumentElement().getAttribute("errors"));
        assertTrue(xml.getElementsByTagName("skipped").item(0).getAttributes().getNamedItem("message").getNodeValue()
                .contains("apt-get install chromium"));
        Path csv = tmp.resolve("gradebook.csv");
        Gradebook.write(List.of(r), csv);
        String book = Files.readString(csv);
        assertTrue(book.contains("bob,3,3,100.0,graded,1,1,") && book.contains("4 point(s) left out of max_score")
                && book.contains("apt-get install chromium"), book);
        String html = wirelab.grading.report.HtmlReport.render("dispatcher", List.of(r), "plain");
        assertTrue(html.contains("id=\"not-graded\"") && html.contains("a browser loads the page (4 pts)"), html);
        assertEquals(r, ResultFiles.read(tmp));
    }

    @Test
    void gradescopeJsonHasTheSpecFieldsAndEscapes() throws Exception {
        ResultFiles.write(sample("alice", 3, "timeout"), tmp);
        JsonNode gs = new ObjectMapper().readTree(tmp.resolve("results.json").toFile());
        assertEquals(3.0, gs.get("score").asDouble());
        assertEquals(13, gs.get("execution_time").asInt(), "execution_time is whole seconds");
        JsonNode t = gs.get("tests").get(1);
        assertEquals(0.0, t.get("score").asDouble());
        assertEquals(2.0, t.get("max_score").asDouble());
        assertEquals("failed", t.get("status").asText());
        assertTrue(t.get("output").asText().contains("was \"2\" & \u0001"));
    }

    @Test
    void junitXmlIsWellFormedEvenWithControlCharacters() throws Exception {
        ResultFiles.write(sample("alice", 3, "timeout"), tmp);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(tmp.resolve("junit.xml").toFile());
        assertEquals("2", doc.getDocumentElement().getAttribute("tests"));
        assertEquals("1", doc.getDocumentElement().getAttribute("errors"));
    }

    @Test
    void gradebookQuotesAndDefusesFormulas() throws Exception {
        SubmissionResult evil = sample("=cmd|' /C calc'!A0", 5, "passed");
        Gradebook.write(List.of(sample("alice, jr", 3, "failed"), evil), tmp.resolve("g.csv"));
        List<String> lines = Files.readAllLines(tmp.resolve("g.csv"));
        assertEquals("student,score,max_score,percent,status,tests_passed,tests_total,comment,graded_score,adjustment,"
                + "sis_id,name,email,section,submitted_at", lines.get(0));
        assertTrue(lines.get(1).startsWith("\"alice, jr\",3,5,60.0,graded,1,2,"), lines.get(1));
        assertTrue(lines.get(2).matches("\"?'=cmd\\|' /C calc'!A0\"?,5,5,100\\.0,.*"), lines.get(2));
    }

    @Test
    void diffNamesTheTestsThatChanged() {
        Map<String, SubmissionResult> before = Map.of("alice", sample("alice", 5, "passed"), "bob", sample("bob", 5, "passed"));
        Map<String, SubmissionResult> after = Map.of("alice", sample("alice", 3, "timeout"), "bob", sample("bob", 5, "passed"));
        List<ResultsDiff.Change> changes = ResultsDiff.diff(before, after);
        assertEquals(1, changes.size());
        assertEquals("alice", changes.get(0).student());
        assertTrue(changes.get(0).reasons().stream().anyMatch(r -> r.startsWith("does not deadlock: passed → timeout")),
                changes.get(0).reasons().toString());
    }
}
