package wirelab.grading.course;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * A week's late policy: a grace period after the deadline, then a percentage lost per started
 * day late, and nothing after the last accepted day.
 *
 * @param graceMinutes  minutes after the deadline that still count as on time
 * @param percentPerDay percent of the raw score lost per started day late
 * @param maxDays       later than this many days (after the grace) scores 0
 */
public record LatePolicy(int graceMinutes, double percentPerDay, int maxDays) {

    public static final LatePolicy NONE = new LatePolicy(0, 0, Integer.MAX_VALUE);

    /** The policy in a sentence, for handouts and command output. */
    public String describe() {
        if (percentPerDay == 0 && maxDays == Integer.MAX_VALUE) {
            return "no late penalty";
        }
        return graceMinutes + " min grace, then -" + trim(percentPerDay) + "% per started day late"
                + (maxDays == Integer.MAX_VALUE ? "" : ", not accepted after " + maxDays + " day(s)");
    }

    /** What the policy makes of a raw score submitted at {@code submitted} for a deadline {@code due}. */
    public Adjusted apply(double raw, Instant submitted, ZonedDateTime due) {
        Duration late = Duration.between(due.toInstant(), submitted);
        if (late.compareTo(Duration.ofMinutes(graceMinutes)) <= 0) {
            return new Adjusted(raw, raw, Duration.ZERO, 0, "on time");
        }
        long days = (late.toMinutes() + 24 * 60 - 1) / (24 * 60);   // started days, counted from the deadline
        if (days > maxDays) {
            return new Adjusted(raw, 0, late, days, "late by " + human(late) + ": more than " + maxDays
                    + " day(s), not accepted");
        }
        double factor = Math.max(0, 1 - days * percentPerDay / 100.0);
        double adjusted = Math.round(raw * factor * 100) / 100.0;
        return new Adjusted(raw, adjusted, late, days, String.format(Locale.ROOT,
                "late by %s: %d day(s) x %s%% = -%s%%", human(late), days, trim(percentPerDay),
                trim(Math.min(100, days * percentPerDay))));
    }

    /**
     * A score before and after the policy.
     *
     * @param lateBy how long after the deadline (zero when on time or within the grace)
     * @param days   started days late (0 when on time)
     */
    public record Adjusted(double raw, double adjusted, Duration lateBy, long days, String note) {
        public boolean late() {
            return days > 0;
        }
    }

    static String human(Duration d) {
        long minutes = d.toMinutes();
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        return (days > 0 ? days + "d " : "") + (days > 0 || hours > 0 ? hours + "h " : "") + mins + "min";
    }

    static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
