package wirelab.grading.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import wirelab.grading.result.Points;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/**
 * The determinism check ({@code wirelab grade --copies N}): every submission N times in one batch,
 * then every submission whose copies disagree, and on which tests. Two students with the same code
 * must get the same grade, whichever lane, part of the batch or load each copy met.
 */
public final class Copies {

    /** One submission whose copies disagree: each copy's score, and per differing test each copy's status. */
    public record Disagreement(String submission, List<String> scores, Map<String, List<String>> tests) {

        public String describe() {
            StringBuilder s = new StringBuilder(submission + ": scores " + String.join(", ", scores));
            tests.forEach((test, statuses) -> s.append("\n    ").append(test).append(": ").append(String.join(", ", statuses)));
            return s.toString();
        }
    }

    private Copies() {
    }

    /**
     * The inputs N times, round by round (a, b, c, a, b, c, ...): the copies of one submission meet
     * different moments of the batch (its start, its end with spare JVMs lent, each other).
     */
    public static List<Path> of(List<Path> inputs, int n) {
        List<Path> out = new ArrayList<>();
        for (int round = 0; round < n; round++) {
            out.addAll(inputs);
        }
        return out;
    }

    /** The submissions whose copies disagree, in input order; {@code copies} is what {@link #of} gave the batch. */
    public static List<Disagreement> compare(List<Path> copies, List<SubmissionResult> results) {
        Map<String, SubmissionResult> byStudent = new LinkedHashMap<>();
        results.forEach(r -> byStudent.put(r.student(), r));
        Map<Path, List<SubmissionResult>> byInput = new LinkedHashMap<>();
        Batch.names(copies).forEach((student, input) -> {
            SubmissionResult r = byStudent.get(student);
            if (r != null) {
                byInput.computeIfAbsent(input, k -> new ArrayList<>()).add(r);
            }
        });
        List<Disagreement> out = new ArrayList<>();
        byInput.forEach((input, rs) -> {
            Map<String, List<String>> tests = differingTests(rs);
            List<String> scores = rs.stream().map(Copies::score).toList();
            if (!tests.isEmpty() || new LinkedHashSet<>(scores).size() > 1) {
                out.add(new Disagreement(rs.get(0).student(), scores, tests));
            }
        });
        return out;
    }

    /** Test id → each copy's status (with its points when they differ), for tests whose copies do not all agree. */
    static Map<String, List<String>> differingTests(List<SubmissionResult> copies) {
        Set<String> ids = new LinkedHashSet<>();
        copies.forEach(r -> r.tests().forEach(t -> ids.add(t.id())));
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String id : ids) {
            List<String> statuses = new ArrayList<>();
            for (SubmissionResult r : copies) {
                TestVerdict v = r.tests().stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
                statuses.add(v == null ? "absent" : v.status() + " " + Points.of(v.score()));
            }
            if (new LinkedHashSet<>(statuses).size() > 1) {
                out.put(id, statuses);
            }
        }
        return out;
    }

    private static String score(SubmissionResult r) {
        return r.refusal() != null ? "refused" : Points.of(r.score());
    }

    /** The check's verdict for the terminal: all agree, or each disagreement. */
    public static String report(int submissions, int n, List<Disagreement> disagreements) {
        if (disagreements.isEmpty()) {
            return String.format(Locale.ROOT, "copies: the %d copies of each of %d submission(s) agree", n, submissions);
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "copies: %d of %d submission(s) got different verdicts for identical copies (%d each):",
                disagreements.size(), submissions, n));
        disagreements.forEach(d -> s.append("\n  ").append(d.describe()));
        return s.toString();
    }
}
