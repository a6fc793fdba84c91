package wirelab.grading.late;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import wirelab.grading.course.LatePolicy;

class LatePolicyTest {

    static final ZonedDateTime DUE = ZonedDateTime.parse("2026-09-13T23:59:00+02:00");
    static final LatePolicy POLICY = new LatePolicy(15, 10, 5);

    @Test
    void onTimeAndWithinGraceKeepTheScore() {
        assertEquals(80, POLICY.apply(80, DUE.minusHours(1).toInstant(), DUE).adjusted());
        LatePolicy.Adjusted grace = POLICY.apply(80, DUE.plusMinutes(15).toInstant(), DUE);
        assertEquals(80, grace.adjusted());
        assertFalse(grace.late());
    }

    @Test
    void eachStartedDayCostsTenPercent() {
        LatePolicy.Adjusted a = POLICY.apply(80, DUE.plusMinutes(16).toInstant(), DUE);
        assertTrue(a.late());
        assertEquals(1, a.days());
        assertEquals(72, a.adjusted());
        assertEquals(Duration.ofMinutes(16), a.lateBy());
        assertEquals(56, POLICY.apply(80, DUE.plusDays(2).plusMinutes(1).toInstant(), DUE).adjusted());
        assertTrue(POLICY.apply(80, DUE.plusDays(2).plusMinutes(1).toInstant(), DUE).note().contains("3 day(s)"));
    }

    @Test
    void afterTheLastDayNothing() {
        assertEquals(40, POLICY.apply(80, DUE.plusDays(5).toInstant(), DUE).adjusted());
        LatePolicy.Adjusted a = POLICY.apply(80, DUE.plusDays(5).plusMinutes(1).toInstant(), DUE);
        assertEquals(0, a.adjusted());
        assertEquals(80, a.raw());
    }

    @Test
    void noPolicyNeverDeducts() {
        assertEquals(80, LatePolicy.NONE.apply(80, DUE.plusDays(30).toInstant(), DUE).adjusted());
    }
}
