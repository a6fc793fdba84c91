package wirelab.grading.demo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import wirelab.grading.result.Points;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/**
 * What a sample must get, checked after the demo grades it, so the demo is an end-to-end test of
 * the grader and not only a show. From {@code sample.properties}:
 * <ul>
 * <li>{@code lost=LO..HI} (or {@code lost=N}): the JUnit points the sample loses, a range because a
 *     race found by a stress test is likely, not certain; {@code %} makes a bound a share of the
 *     lab's JUnit points. Race tests (jcstress, scored only where the lab's {@code race.graded} says
 *     so) are not counted here: their detection rates are measured on their own.</li>
 * <li>{@code verdict=crashed} (timeout, refused, …): at least one test ends that way, or the
 *     submission is refused at intake.</li>
 * <li>{@code threat=read} (write, outlive, reach, exhaust): a hostile sample's kind. Its {@code lost}
 *     and {@code verdict} are what the grader must conclude where it confines that kind;
 *     {@code unconfined.lost} and {@code unconfined.verdict} what it concludes where it does not (the
 *     code runs with the grader's own rights), else the sample is not checked there; {@code absent=}
 *     paths (comma-separated) must not exist after grading where the kind is confined (see {@link Sample}).</li>
 * <li>{@code lost.peer-tests=CurlTest#test01,CurlTest#test02}: tests counted in {@code lost} that drive a peer
 *     program ({@code @Needs}). Losses are counted over the tests this machine can grade: when one of
 *     these is not graded here, its points come off both bounds (and every not-graded test is out
 *     of the maximum that {@code %} bounds are shares of).</li>
 * </ul>
 */
public record Expectation(String lost, String verdict, List<String> lostPeerTests) {

    public static final Expectation FULL_MARKS = new Expectation("0", "");
    /** The untouched starter: every graded test fails, give or take a stress test a busy machine lets through. */
    public static final Expectation STARTER = new Expectation("90%..100%", "");

    public Expectation(String lost, String verdict) {
        this(lost, verdict, List.of());
    }

    public Expectation {
        if (!lost.isEmpty()) {
            for (String b : bounds(lost)) {
                bound(b, 100);   // fail on a typo when the sample is loaded, not after grading
            }
        }
    }

    /** Why {@code r} misses this expectation, or empty when it meets it. */
    public Optional<String> missedBy(SubmissionResult r) {
        if (!verdict.isEmpty()) {
            boolean seen = "refused".equals(verdict) ? r.refusal() != null
                    : r.tests().stream().anyMatch(t -> t.status().equals(verdict));
            if (!seen) {
                return Optional.of("expected a " + verdict + " verdict, saw none");
            }
        }
        if (lost.isEmpty() || r.refusal() != null) {
            return Optional.empty();
        }
        // counted over the tests this machine can grade: one whose peer program is missing is out of both sides
        double max = r.tests().stream().filter(Expectation::gradedHere).mapToDouble(TestVerdict::max).sum();
        double got = r.tests().stream().filter(Expectation::gradedHere).mapToDouble(TestVerdict::score).sum();
        double notHere = r.tests().stream().filter(t -> junit(t) && t.notGraded() && expectedToLose(t))
                .mapToDouble(TestVerdict::max).sum();
        double lostPoints = max - got;
        String[] bounds = bounds(lost);
        double lo = Math.max(0, bound(bounds[0], max) - notHere);
        double hi = Math.max(0, bound(bounds.length == 2 ? bounds[1] : bounds[0], max) - notHere);
        if (lostPoints < lo - 1e-9 || lostPoints > hi + 1e-9) {
            return Optional.of("lost " + Points.of(lostPoints) + " of " + Points.of(max)
                    + " JUnit points" + (max < allJunit(r) ? " graded here" : "") + ", expected " + describe()
                    + (notHere > 0 ? " (" + Points.of(notHere) + " of them in tests not graded here)" : ""));
        }
        return Optional.empty();
    }

    /**
     * The most points this expectation lets a submission lose out of {@code max} (0 where it
     * bounds no points): the demo starts the samples that lose most first, because a failing test
     * often waits out its own bound.
     */
    public double mostLost(double max) {
        if (lost.isEmpty()) {
            return 0;
        }
        String[] bounds = bounds(lost);
        return bound(bounds[bounds.length - 1], max);
    }

    /** The expectation in a few words, for the scoreboard. */
    public String describe() {
        String range = lost.isEmpty() ? "" : "loses " + lost.replace("..", " to ");
        return verdict.isEmpty() ? range : range.isEmpty() ? verdict : range + ", " + verdict;
    }

    private static boolean gradedHere(TestVerdict t) {
        return junit(t) && !t.notGraded();
    }

    private static double allJunit(SubmissionResult r) {
        return r.tests().stream().filter(Expectation::junit).mapToDouble(TestVerdict::max).sum();
    }

    /** Whether {@code lost.peer-tests} names this test ("CurlTest#test01" matches "...CurlTest#test01_curlReuses..."). */
    private boolean expectedToLose(TestVerdict t) {
        String id = wirelab.grading.peers.PeerNeeds.Missing.shortId(t.id());
        return lostPeerTests.stream().anyMatch(p -> !p.isBlank() && id.startsWith(p.strip()));
    }

    private static boolean junit(TestVerdict t) {
        return "junit".equals(t.kind());
    }

    /** "LO..HI" as its two bounds, "N" as one. */
    private static String[] bounds(String lost) {
        return lost.split("\\.\\.", 2);
    }

    private static double bound(String text, double max) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 * max : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("lost=" + text + ": expected a number, a percentage or LO..HI");
        }
    }
}
