package wirelab.grading.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JcstressOutputTest {

    /** Trimmed from a real `jcstress -v` run (0.16) on this machine. */
    private static final String OUTPUT = """
            (ETA: ...)
            RUN RESULTS:
              Interesting tests: No matches.

              Failed tests: 1 matching test results.

            ...... [FAILED] demo.Racy

              Results across all configurations:

              RESULT    SAMPLES     FREQ      EXPECT  DESCRIPTION
                   1    100,818    3.25%   Forbidden  One update was lost.
                   2  3,003,637   96.75%  Acceptable  Both updates kept.


              Error tests: No matches.

              All remaining tests: 1 matching test results.

            .......... [OK] demo.Safe

              Results across all configurations:

              RESULT    SAMPLES     FREQ      EXPECT  DESCRIPTION
                1, 0          0    0.00%   Forbidden  Saw one write but not the other.
                1, 1  1,388,582  100.00%  Acceptable  Both updates kept.

              HTML report generated at /tmp/jcs/run/results/index.html
            """;

    @Test
    @DisplayName("verdicts and outcome tables are read per test, ids with spaces included")
    void parses() {
        Map<String, RaceVerdict> v = JcstressOutput.parse(OUTPUT);
        assertEquals(2, v.size());
        RaceVerdict racy = v.get("demo.Racy");
        assertFalse(racy.passed());
        assertEquals(3_104_455, racy.trials());
        assertEquals("result 1 in 100,818 of 3,104,455 trials: One update was lost.", racy.feedback());
        RaceVerdict safe = v.get("demo.Safe");
        assertTrue(safe.passed());
        assertEquals("1, 0", safe.outcomes().get(0).id());
        assertEquals("no forbidden outcome in 1,388,582 trials", safe.feedback());
    }

    @Test
    @DisplayName("no RUN RESULTS section means no verdicts")
    void empty() {
        assertTrue(JcstressOutput.parse("Exception in thread main").isEmpty());
    }
}
