package wirelab.grading.gate;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import wirelab.grading.run.TestResult;
import wirelab.testkit.PointsListener;

/** The release gate's short table, one row per lab, then every breach spelled out. */
public final class GateTable {

    private GateTable() {
    }

    public static void print(PrintStream out, List<LabVerdict> verdicts, boolean publishInSync) {
        String header = String.format(Locale.ROOT, "%-11s %-24s %-26s %-24s %-7s %s",
                "lab", "solution (all tests)", "starter (graded tests)", "race: solution/starter", "leaks", "result");
        out.println();
        out.println(header);
        out.println("-".repeat(header.length() + 4));
        for (LabVerdict v : verdicts) {
            out.printf(Locale.ROOT, "%-11s %-24s %-26s %-24s %-7s %s%n",
                    v.lab(),
                    solution(v.solution()),
                    starter(v.starter()),
                    race(v.raceSolution(), v.raceStarter()),
                    v.leaks().isEmpty() ? "none" : Integer.toString(v.leaks().size()),
                    !v.ok() ? "FAIL" : v.unchecked().isEmpty() ? "PASS" : "PASS, " + v.unchecked().size() + " unchecked");
        }
        out.println();
        for (LabVerdict v : verdicts) {
            if (v.contract() != null) {
                out.println(v.lab() + " " + v.contract().summary());
            }
        }
        out.println("labs/ in sync with solutions/: " + (publishInSync ? "yes" : "NO (run ./wirelab publish)"));
        for (LabVerdict v : verdicts) {
            if (v.ok() && !v.unchecked().isEmpty()) {
                out.println();
                out.println("WARNING " + v.lab() + ": " + v.unchecked().size() + " test(s) NOT CHECKED on this machine"
                        + " (a peer program is missing; CI=true or --strict fails the gate for this):");
                v.unchecked().forEach(u -> out.println("  - " + u));
            }
        }
        for (LabVerdict v : verdicts) {
            if (!v.ok()) {
                out.println();
                out.println(v.lab() + ":");
                v.breaches().forEach(b -> out.println("  - " + b));
            }
        }
    }

    private static String solution(List<TestResult> results) {
        if (results.isEmpty()) {
            return "no tests";
        }
        long passed = results.stream().filter(TestResult::passed).count();
        return points(results) + " pts, " + passed + "/" + results.size() + " pass";
    }

    private static String starter(List<TestResult> results) {
        List<TestResult> graded = results.stream().filter(TestResult::graded).toList();
        if (graded.isEmpty()) {
            return "no graded tests";
        }
        long failing = graded.stream().filter(r -> !r.passed()).count();
        return points(graded) + " pts, " + failing + "/" + graded.size() + " fail";
    }

    private static String race(List<TestResult> sol, List<TestResult> starter) {
        if (sol.isEmpty()) {
            return "-";
        }
        long ok = sol.stream().filter(TestResult::passed).count();
        List<TestResult> graded = starter.stream().filter(TestResult::graded).toList();
        long caught = graded.stream().filter(r -> !r.passed()).count();
        return ok + "/" + sol.size() + " ok, " + caught + "/" + graded.size() + " caught";
    }

    private static String points(List<TestResult> results) {
        double earned = results.stream().filter(TestResult::graded).mapToDouble(TestResult::earned).sum();
        double max = results.stream().filter(TestResult::graded).mapToDouble(TestResult::points).sum();
        return PointsListener.format(earned) + "/" + PointsListener.format(max);
    }
}
