package wirelab.grading.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wirelab.grading.report.Feedback;
import wirelab.grading.result.CsvTable;
import wirelab.grading.result.Points;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/**
 * matrix.csv: one row per student, one column per test (its short id and points in the header,
 * "StoreTest.test02 (4)"), each cell the points that student earned on it, blank where the test
 * was not graded on this machine; then the graded score, the adjustment and the score. For a
 * spreadsheet or a notebook: which tests go together, which students need help with what.
 */
public final class TestMatrix {

    private TestMatrix() {
    }

    public static void write(List<SubmissionResult> results, Path file) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (SubmissionResult r : results) {
            for (TestVerdict t : sorted(r.tests())) {
                columns.putIfAbsent(t.id(), Feedback.shortId(t) + " (" + Points.of(t.max()) + ")");
            }
        }
        List<String> header = new ArrayList<>(List.of("student"));
        header.addAll(columns.values());
        header.addAll(List.of("graded_score", "adjustment", "score", "max_score"));
        List<List<String>> rows = new ArrayList<>();
        for (SubmissionResult r : results) {
            Map<String, TestVerdict> byId = new LinkedHashMap<>();
            r.tests().forEach(t -> byId.put(t.id(), t));
            List<String> row = new ArrayList<>(List.of(r.student()));
            for (String id : columns.keySet()) {
                TestVerdict t = byId.get(id);
                row.add(t == null || t.notGraded() ? "" : Points.of(t.score()));
            }
            row.addAll(List.of(Points.of(r.gradedScore()), Points.of(r.adjustmentTotal()), Points.of(r.score()),
                    Points.of(r.max())));
            rows.add(row);
        }
        CsvTable.write(file, header, rows);
    }

    private static List<TestVerdict> sorted(List<TestVerdict> tests) {
        List<TestVerdict> s = new ArrayList<>(tests);
        s.sort(java.util.Comparator.comparing(TestVerdict::id));
        return s;
    }
}
