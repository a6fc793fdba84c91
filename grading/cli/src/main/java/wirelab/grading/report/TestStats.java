package wirelab.grading.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/**
 * One test across the class: how many passed and failed, and the first line of the failure
 * message most failures share. Lines are grouped with their numbers blanked out ("expected
 * 400000 but was 399873" and "... was 399901" are one mistake), and the first of the group is shown.
 */
record TestStats(String id, String name, String shortId, double max, int graded, int passed, int failed,
        boolean notGradedHere, String commonLine, int commonCount) {

    double failureRate() {
        return graded == 0 ? 0 : 100.0 * failed / graded;
    }

    /** Every test of the class, the most failed first (ties in test order). */
    static List<TestStats> of(List<SubmissionResult> results) {
        Map<String, List<TestVerdict>> byTest = new LinkedHashMap<>();
        for (SubmissionResult r : results) {
            for (TestVerdict t : r.tests()) {
                byTest.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(t);
            }
        }
        List<TestStats> out = new ArrayList<>();
        for (List<TestVerdict> vs : byTest.values()) {
            TestVerdict first = vs.get(0);
            List<TestVerdict> graded = vs.stream().filter(t -> !t.notGraded() && !"skipped".equals(t.status())).toList();
            List<TestVerdict> failed = graded.stream().filter(t -> !t.passed()).toList();
            Map<String, List<String>> lines = new LinkedHashMap<>();
            for (TestVerdict t : failed) {
                String line = firstLine(t);
                lines.computeIfAbsent(line.replaceAll("\\d+", "#"), k -> new ArrayList<>()).add(line);
            }
            List<String> common = lines.values().stream().max(Comparator.comparingInt(List::size)).orElse(null);
            out.add(new TestStats(first.id(), first.name(), Feedback.shortId(first), first.max(), graded.size(),
                    graded.size() - failed.size(), failed.size(), graded.isEmpty() && vs.stream().allMatch(TestVerdict::notGraded),
                    common == null ? null : common.get(0), common == null ? 0 : common.size()));
        }
        out.sort(Comparator.comparingDouble(TestStats::failureRate).reversed().thenComparing(TestStats::id));
        return out;
    }

    /** The first non-blank line of what a student reads for a failed test (the status when there is no message). */
    static String firstLine(TestVerdict t) {
        String m = t.message() == null || t.message().isBlank() ? t.status() : t.message();
        for (String line : m.split("\n")) {
            if (!line.isBlank()) {
                String l = line.strip();
                return l.length() > 160 ? l.substring(0, 160) + "…" : l;
            }
        }
        return t.status();
    }
}
