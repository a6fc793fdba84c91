package wirelab.grading.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/** feedback.txt after the deadline reads like the summary students saw: by exercise, in teaching order. */
class FeedbackTest {

    static TestVerdict test(String id, String name, String group, double score, double max, String status, String message) {
        return new TestVerdict(id, name, group, "junit", score, max, status, message, null, null, 0.1);
    }

    @Test
    @DisplayName("tests are grouped by exercise in class and method order, hidden ones marked, failures explained")
    void groupsLikeTheSummary() {
        SubmissionResult r = SubmissionResult.graded("alice", "threads").score(4, 10)
                .tests(List.of(test("w.bank.BankTest#test02_overdraft", "refuses an overdraft", "bank", 0, 3, "failed",
                                "balance went below zero\nsecond line"),
                        test("w.counters.CountersTest#test01_sync", "no lost updates", "counters", 3, 3, "passed", null),
                        test("w.bank.BankHiddenTest#test01_order", "locks in id order", "bank", 0, 3, "timeout", "hung"),
                        test("w.bank.BankTest#test01_moves", "moves money", "bank", 1, 1, "passed", null)))
                .isolation("plain").inputHash("h").jvms(1).seconds(2).build();

        String text = Feedback.of(r, Set.of("w.bank.BankTest", "w.counters.CountersTest"));

        List<String> lines = text.lines().toList();
        assertEquals("alice — lab threads: 4 / 10 points", lines.get(0));
        int bank = lines.indexOf("== bank: 1 / 7");
        int counters = lines.indexOf("== counters: 3 / 3");
        assertTrue(bank > 0 && counters > bank, text);
        assertEquals("✗ 0/3  [hidden] locks in id order [timeout]  (BankHiddenTest.test01)", lines.get(bank + 1), text);
        assertEquals("✓ 1/1  moves money  (BankTest.test01)", lines.get(bank + 3), text);
        assertEquals("✗ 0/3  refuses an overdraft  (BankTest.test02)", lines.get(bank + 4), text);
        assertEquals("    balance went below zero", lines.get(bank + 5), text);
        assertTrue(text.contains("✓ 3/3  no lost updates  (CountersTest.test01)"), text);
    }
}
