package wirelab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The student's last screen: a line per exercise, the first failure, the points line last. */
class SummaryTest {

    static Summary.Test test(String group, String cls, String method, double points, boolean passed, String message,
            String notHere) {
        return new Summary.Test(group, "wirelab.threads." + cls, method, method, points, passed, message, false, notHere);
    }

    @Test
    @DisplayName("one line per exercise with each test's mark and points, its first failure's first line, the points line last")
    void screen() {
        List<Summary.Test> tests = List.of(
                test("bank", "BankTest", "test01_moves", 1, true, null, null),
                test("bank", "BankTest", "test02_overdraft", 3, false, "balance went below zero\nmore detail", null),
                test("bank", "BankTest", "test03_order", 2, false, "second failure", null),
                test("counters", "CountersTest", "test01_sync", 3, true, null, null),
                test("interop", "ChromiumTest", "test01_page", 4, false, "skipped", "chromium is not installed (apt-get install chromium)"));

        String screen = Summary.screen("threads", "public points", tests, "threads/target/wirelab/feedback.txt");

        List<String> lines = screen.strip().lines().toList();
        assertEquals("threads: 4 / 9 public points", lines.get(lines.size() - 1), screen);
        assertTrue(screen.contains("✗ bank") && screen.contains("1 / 6   ✓1 ✗3 ✗2"), screen);
        assertTrue(screen.contains("      BankTest.test02: balance went below zero\n"), screen);
        assertTrue(!screen.contains("second failure") && !screen.contains("more detail"), screen);
        assertTrue(screen.contains("✓ counters") && screen.contains("– not counted: 4 points"), screen);
        assertTrue(screen.contains("Every failure in full: threads/target/wirelab/feedback.txt"), screen);
    }

    @Test
    @DisplayName("the feedback file keeps every failure's whole message, in the same groups")
    void feedback() {
        String text = Summary.feedback("threads", "public points", List.of(
                test("bank", "BankTest", "test02_overdraft", 3, false, "balance went below zero\nmore detail", null)));
        assertTrue(text.startsWith("threads: 0 / 3 public points\n"), text);
        assertTrue(text.contains("== bank: 0 / 3\n✗ 0/3  test02_overdraft  (BankTest.test02)\n"
                + "      balance went below zero\n      more detail\n"), text);
    }
}
