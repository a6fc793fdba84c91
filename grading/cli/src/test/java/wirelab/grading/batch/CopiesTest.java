package wirelab.grading.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

class CopiesTest {

    private static TestVerdict test(String id, boolean passed) {
        return new TestVerdict(id, id, "", "junit", passed ? 2 : 0, 2, passed ? "passed" : "failed", null, null, null, 0.1);
    }

    private static SubmissionResult result(String student, TestVerdict... tests) {
        double score = List.of(tests).stream().mapToDouble(TestVerdict::score).sum();
        return SubmissionResult.graded(student, "rmi").score(score, 2.0 * tests.length).tests(List.of(tests))
                .isolation("plain").inputHash("h").jvms(1).seconds(1.0).build();
    }

    @Test
    @DisplayName("copies go round by round, and each copy gets its own name in the batch")
    void copiesRoundByRound() {
        List<Path> copies = Copies.of(List.of(Path.of("subs/alice"), Path.of("subs/bob")), 3);
        assertEquals(List.of("alice", "bob", "alice-2", "bob-2", "alice-3", "bob-3"), List.copyOf(Batch.names(copies).keySet()));
    }

    @Test
    @DisplayName("a submission whose identical copies got different verdicts is reported with the tests that differ")
    void disagreementsNameTheTestsThatDiffer() {
        List<Path> copies = Copies.of(List.of(Path.of("subs/alice"), Path.of("subs/bob")), 3);
        List<SubmissionResult> results = List.of(
                result("alice", test("T#a", true), test("T#b", false)),
                result("alice-2", test("T#a", true), test("T#b", false)),
                result("alice-3", test("T#a", true), test("T#b", false)),
                result("bob", test("T#a", true), test("T#b", true)),
                result("bob-2", test("T#a", false), test("T#b", true)),
                result("bob-3", test("T#a", true), test("T#b", true)));

        List<Copies.Disagreement> differ = Copies.compare(copies, results);

        assertEquals(1, differ.size(), "alice's copies agree (failing the same test is agreement)");
        assertEquals("bob", differ.get(0).submission());
        assertEquals(List.of("4", "2", "4"), differ.get(0).scores());
        assertEquals(Map.of("T#a", List.of("passed 2", "failed 0", "passed 2")), differ.get(0).tests());
        String report = Copies.report(2, 3, differ);
        assertTrue(report.contains("1 of 2 submission(s)") && report.contains("T#a: passed 2, failed 0, passed 2"), report);
        assertEquals("copies: the 3 copies of each of 2 submission(s) agree", Copies.report(2, 3, List.of()));
    }

    @Test
    @DisplayName("a status that differs without changing the score (failed or timeout) still counts as a disagreement")
    void aDifferentStatusCounts() {
        List<Path> copies = Copies.of(List.of(Path.of("subs/carol")), 2);
        TestVerdict timeout = new TestVerdict("T#a", "a", "", "junit", 0, 2, "timeout", null, null, null, 30);
        List<Copies.Disagreement> differ = Copies.compare(copies,
                List.of(result("carol", test("T#a", false)), result("carol-2", timeout)));
        assertEquals(List.of("failed 0", "timeout 0"), differ.get(0).tests().get("T#a"));
    }
}
