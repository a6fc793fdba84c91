package wirelab.grading.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wirelab.grading.run.RunOutcome;
import wirelab.grading.run.TestResult;

/** Only a clean, complete pass of a test class is kept for the gradings after it. */
class ReusedResultsTest {

    private final Baseline plan = new Baseline(List.of(planned("a.One#t1"), planned("a.One#t2"), planned("a.Two#t1")),
            List.of());
    private final Map<String, String> prints = Map.of("a.One", "fp-one", "a.Two", "fp-two");

    @Test
    void theResultsOfAClassWhoseEveryTestPassedAreKept() {
        ReusedResults reused = new ReusedResults(plan);
        RunOutcome run = new RunOutcome(List.of(result("a.One#t1", "passed"), result("a.One#t2", "passed"),
                result("a.Two#t1", "timeout")), List.of(), 1, "");
        reused.keep(prints, List.of("a.One", "a.Two"), run, true);
        Map<String, List<TestResult>> known = reused.known(prints);
        assertEquals(List.of("a.One"), List.copyOf(known.keySet()), "a timeout is not kept: it may be the machine's");
        assertEquals(List.of("passed", "passed"), known.get("a.One").stream().map(TestResult::status).toList());
        RunOutcome failed = new RunOutcome(List.of(result("a.Two#t1", "failed")), List.of(), 1, "");
        reused.keep(Map.of("a.Two", "fp-two-b"), List.of("a.Two"), failed, true);
        assertTrue(reused.known(Map.of("a.Two", "fp-two-b")).isEmpty(), "a failure is never handed on");
        assertTrue(reused.known(Map.of("a.One", "another fingerprint")).isEmpty());
    }

    @Test
    void nothingIsKeptFromARunWithProblemsOrAClassWithATestMissing() {
        ReusedResults reused = new ReusedResults(plan);
        RunOutcome flooded = new RunOutcome(List.of(result("a.One#t1", "passed"), result("a.One#t2", "passed")),
                List.of("output limit"), 1, "");
        reused.keep(prints, List.of("a.One"), flooded, true);
        RunOutcome clean = new RunOutcome(List.of(result("a.One#t1", "passed"), result("a.One#t2", "passed")),
                List.of(), 1, "");
        reused.keep(prints, List.of("a.One"), clean, false);
        RunOutcome partial = new RunOutcome(List.of(result("a.One#t1", "passed")), List.of(), 1, "");
        reused.keep(prints, List.of("a.One"), partial, true);
        reused.keep(prints, List.of("a.Two"), clean, true);
        assertTrue(reused.known(prints).isEmpty(), "flooded, out of memory, a test missing, a class that did not run");
    }

    private static Baseline.Planned planned(String id) {
        return new Baseline.Planned(id, id, 1, true, true, 0.1);
    }

    private static TestResult result(String id, String status) {
        return new TestResult(id, id, 1, true, status, null, null, null, null, null, null, 10);
    }
}
