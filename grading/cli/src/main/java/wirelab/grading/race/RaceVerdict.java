package wirelab.grading.race;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * jcstress's verdict on one test class: OK, FAILED (a forbidden outcome was seen), ERROR (the
 * test could not run) — with the outcome table, so feedback can say what was seen and how often.
 */
public record RaceVerdict(String test, String status, List<Outcome> outcomes) {

    public boolean passed() {
        return "OK".equals(status);
    }

    public long trials() {
        return outcomes.stream().mapToLong(Outcome::samples).sum();
    }

    /** A sentence for the student: which forbidden outcomes were seen, how often, what they mean. */
    public String feedback() {
        if (passed()) {
            return "no forbidden outcome in " + format(trials()) + " trials";
        }
        List<Outcome> seen = outcomes.stream().filter(o -> o.forbidden() && o.samples() > 0).toList();
        if (seen.isEmpty()) {
            return "jcstress reported " + status + " (the test did not run to completion; see its output)";
        }
        return seen.stream()
                .map(o -> "result " + o.id() + " in " + format(o.samples()) + " of " + format(trials())
                        + " trials: " + o.description())
                .collect(Collectors.joining("; "));
    }

    static String format(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }
}
