package wirelab.grading.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import wirelab.grading.report.ResultFiles;
import wirelab.grading.result.Points;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/**
 * Compares two grading runs (their output folders): the students whose score changed, and why,
 * test by test ("test02 … passed → timeout"); students only in one of them are listed too.
 */
public final class ResultsDiff {

    /** One student's change: old and new score (NaN when absent) and the reasons. */
    public record Change(String student, double before, double after, List<String> reasons) {
    }

    private ResultsDiff() {
    }

    public static Map<String, SubmissionResult> load(Path outDir) {
        Map<String, SubmissionResult> out = new TreeMap<>();
        Path students = outDir.resolve("students");
        if (!Files.isDirectory(students)) {
            throw new IllegalArgumentException(outDir + " holds no grading results (no students/ folder)");
        }
        try (Stream<Path> s = Files.list(students)) {
            for (Path d : s.sorted().toList()) {
                SubmissionResult r = ResultFiles.read(d);
                if (r != null) {
                    out.put(d.getFileName().toString(), r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static List<Change> diff(Map<String, SubmissionResult> before, Map<String, SubmissionResult> after) {
        List<Change> out = new ArrayList<>();
        for (String student : new TreeSet<>(union(before, after))) {
            SubmissionResult a = before.get(student);
            SubmissionResult b = after.get(student);
            if (a == null) {
                out.add(new Change(student, Double.NaN, b.score(), List.of("new submission")));
                continue;
            }
            if (b == null) {
                out.add(new Change(student, a.score(), Double.NaN, List.of("no longer graded")));
                continue;
            }
            if (a.score() == b.score() && a.max() == b.max()) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            if (a.inputHash() != null && !a.inputHash().equals(b.inputHash())) {
                reasons.add("the submission or the lab's tests changed");
            }
            if (!a.status().equals(b.status())) {
                reasons.add("was " + a.status() + ", now " + b.status()
                        + (b.refusal() != null ? ": " + b.refusal() : ""));
            }
            if (a.adjustmentTotal() != b.adjustmentTotal()) {
                reasons.add("staff adjustments: " + signed(a) + " → " + signed(b));
            }
            if (a.compile().size() != b.compile().size()) {
                reasons.add("compile errors: " + a.compile().size() + " → " + b.compile().size());
            }
            Map<String, TestVerdict> old = byId(a);
            Map<String, TestVerdict> now = byId(b);
            for (String id : new TreeSet<>(union(old, now))) {
                TestVerdict o = old.get(id);
                TestVerdict n = now.get(id);
                if (o == null) {
                    reasons.add("new test " + n.name() + ": " + n.status());
                } else if (n == null) {
                    reasons.add("test removed: " + o.name());
                } else if (!o.status().equals(n.status()) || o.score() != n.score()) {
                    reasons.add(n.name() + ": " + o.status() + " → " + n.status()
                            + (n.passed() || n.message() == null ? "" : " (" + first(n.message()) + ")"));
                }
            }
            out.add(new Change(student, a.score(), b.score(), reasons));
        }
        return out;
    }

    private static String signed(SubmissionResult r) {
        return r.adjustments().isEmpty() ? "none" : (r.adjustmentTotal() > 0 ? "+" : "") + Points.of(r.adjustmentTotal());
    }

    private static Map<String, TestVerdict> byId(SubmissionResult r) {
        Map<String, TestVerdict> m = new LinkedHashMap<>();
        r.tests().forEach(t -> m.put(t.id(), t));
        return m;
    }

    private static <K> java.util.Set<K> union(Map<K, ?> a, Map<K, ?> b) {
        java.util.Set<K> s = new java.util.LinkedHashSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }

    private static String first(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
}
