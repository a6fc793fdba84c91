package wirelab.grading.grade;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import wirelab.grading.run.RunOutcome;
import wirelab.grading.run.TestResult;

/**
 * The results of test classes graded earlier in this run, by {@link TestInputs fingerprint}: a
 * later submission whose classes under a test class are byte for byte the same gets those results
 * instead of running the class again. Only a clean pass is kept: every planned test of the class
 * passed, in test JVMs that nothing crashed, flooded or outlived. A failure is never handed on, so
 * a test that failed once because the machine was slow costs that one grading, not every
 * grading after it; and a pass was earned by the same bytes.
 */
final class ReusedResults {

    private final Map<String, List<TestResult>> byFingerprint = new ConcurrentHashMap<>();
    /** Planned test ids per test class. */
    private final Map<String, List<String>> planned = new LinkedHashMap<>();

    ReusedResults(Baseline plan) {
        for (Baseline.Planned t : plan.tests()) {
            planned.computeIfAbsent(t.className(), c -> new ArrayList<>()).add(t.id());
        }
    }

    /** The test classes whose results are already known, with those results. */
    Map<String, List<TestResult>> known(Map<String, String> fingerprints) {
        Map<String, List<TestResult>> out = new LinkedHashMap<>();
        fingerprints.forEach((cls, fp) -> Optional.ofNullable(byFingerprint.get(fp)).ifPresent(r -> out.put(cls, r)));
        return out;
    }

    /** Keeps the results of each test class that ran cleanly (see the class comment). */
    void keep(Map<String, String> fingerprints, Collection<String> ran, RunOutcome run, boolean cleanRun) {
        if (!cleanRun || !run.problems().isEmpty()) {
            return;
        }
        Map<String, TestResult> byId = new LinkedHashMap<>();
        run.results().forEach(r -> byId.putIfAbsent(r.id(), r));
        for (String cls : ran) {
            List<String> ids = planned.get(cls);
            String fp = fingerprints.get(cls);
            if (fp == null || ids == null || ids.isEmpty()) {
                continue;
            }
            List<TestResult> results = new ArrayList<>();
            for (String id : ids) {
                TestResult r = byId.get(id);
                if (r == null || !r.passed()) {
                    results = null;
                    break;
                }
                results.add(r);
            }
            if (results != null) {
                byFingerprint.putIfAbsent(fp, List.copyOf(results));
            }
        }
    }
}
