package wirelab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The student loop's shorter time boxes: a valid share of the box, anything else means the whole box. */
class StressTest {

    @Test
    void scaleIsAShareOfTheTimeBoxOrTheWholeBox() {
        assertEquals(1, Stress.scale(null));
        assertEquals(0.25, Stress.scale(" 0.25 "));
        assertEquals(1, Stress.scale("1"));
        assertEquals(1, Stress.scale("0"), "0 would run no box at all: the whole box instead");
        assertEquals(1, Stress.scale("-1"));
        assertEquals(1, Stress.scale("4"), "a box is never made longer");
        assertEquals(1, Stress.scale("quarter"));
    }

    @Test
    void wholeWhenNotScaled() {
        assertEquals(Duration.ofMillis(600), Stress.scaled(Duration.ofMillis(600)), "the grader sets no scale");
        assertEquals(3, Stress.scaled(3));
    }

    @Test
    void aTimeBoxAlwaysRunsAtLeastOneRound() {
        assertEquals(1, Stress.repeatFor(Duration.ZERO, round -> { }));
        assertTrue(Stress.repeatFor(Duration.ofMillis(30), round -> { }) >= 1);
    }
}
