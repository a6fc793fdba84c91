package wirelab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RaceTestsTest {

    @Test
    @DisplayName("jcstress's failure list becomes one line per race test and forbidden outcome, whatever JVM configuration saw it")
    void verdictOfAFailedRun() {
        String failures = """
                TEST FAILURES:\s
                wirelab.threads.lazy.IdRegistryRace [-Xmx256m, -XX:-UseBiasedLocking, -Xmx256m]: Observed forbidden state: 2, 1, 2 (Both actors checked, found no id for ann, and each made one: check-then-act is not atomic.)
                wirelab.threads.lazy.IdRegistryRace [-Xmx256m, -XX:+UseBiasedLocking, -Xmx256m]: Observed forbidden state: 2, 1, 2 (Both actors checked, found no id for ann, and each made one: check-then-act is not atomic.)
                wirelab.threads.lazy.IdRegistryRace [-Xmx256m, -XX:+UseBiasedLocking, -Xmx256m]: Observed forbidden state: 1, 2, 2 (Both actors checked, found no id for ann, and each made one: check-then-act is not atomic.)
                wirelab.threads.visibility.StopFlagTermination [-Xmx256m, -XX:-UseBiasedLocking, -Xmx256m]: Observed forbidden state: STALE (The worker never saw running = false and spun on: the flag needs volatile.)
                """;
        assertEquals("""
                threads: race tests (practice, no points): 2 saw a forbidden outcome, a real bug in your code
                  ✗ IdRegistryRace  2, 1, 2: Both actors checked, found no id for ann, and each made one: check-then-act is not atomic.
                  ✗ IdRegistryRace  1, 2, 2: Both actors checked, found no id for ann, and each made one: check-then-act is not atomic.
                  ✗ StopFlagTermination  STALE: The worker never saw running = false and spun on: the flag needs volatile.
                Full report: threads/target/jcstress/results/index.html
                """, RaceTests.verdict("threads", failures));
    }

    @Test
    @DisplayName("a run without a forbidden outcome says so; a test that threw is named once; other lines are shown as jcstress gave them")
    void otherVerdicts() {
        assertEquals("rmi: race tests (practice, no points): no forbidden outcome in any of them. Full report: "
                + "rmi/target/jcstress/results/index.html\n", RaceTests.verdict("rmi", null));
        assertEquals("""
                rmi: race tests (practice, no points): 1 could not run to the end
                  ✗ InfoStore_01_ConcurrentBinds  failed with an exception before its outcome was known (shown above: a TODO left, or a crash)
                  something else jcstress said
                Full report: rmi/target/jcstress/results/index.html
                """, RaceTests.verdict("rmi", """
                TEST FAILURES:
                wirelab.rmi.InfoStore_01_ConcurrentBinds [-Xmx256m, -XX:+UseBiasedLocking, -Xmx256m] had failed with the pre-test error.
                wirelab.rmi.InfoStore_01_ConcurrentBinds [-Xmx256m, -XX:-UseBiasedLocking, -Xmx256m] had failed with the pre-test error.
                something else jcstress said
                """));
    }
}
