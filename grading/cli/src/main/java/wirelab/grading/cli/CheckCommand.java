package wirelab.grading.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wirelab.grading.gate.ContractCheck;
import wirelab.grading.gate.GateTable;
import wirelab.grading.gate.LabVerdict;
import wirelab.grading.gate.ReleaseGate;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.publish.GateStamps;
import wirelab.grading.publish.LabsTree;

/** {@code wirelab check}: the release gate over every lab (or the ones named). */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Release gate: contracts hold, solutions pass, starters fail every graded test, nothing leaks.",
        description = {"Release gate: build, then for each lab every clause of its contract (CONTRACT.md) must",
            "name tests that exist, the solution must pass every test (public, hidden, race), every graded",
            "test must fail on the starter, nothing may leak into labs/, and labs/ must be in sync with",
            "solutions/. Prints a table and each lab's contract size; exits 1 on any breach."})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    LabsOption labs = new LabsOption();

    @Option(names = "--no-build", description = "Use what Maven already compiled (the build's own gate uses this).")
    boolean noBuild;

    @Option(names = "--no-race", description = "Skip the jcstress race tests (about 20 s per lab each way).")
    boolean noRace;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Run the solution's tests N times: every round must pass (flake hunt).")
    int repeat;

    @Option(names = "--strict", description = {"A test this machine cannot run (a peer program such as chromium or nc",
        "missing) fails the gate instead of a warning. On by default when CI=true."})
    boolean strict;

    @Option(names = "--contract-only", description = {"Check only the contract tables (solutions/<lab>/CONTRACT.md):",
        "every clause names tests that exist. Seconds: no build, no test runs."})
    boolean contractOnly;

    @Override
    public Integer call() throws Exception {
        Course course = Course.locate();
        List<Lab> selected = labs.names().isEmpty() ? course.labList() : labs.names().stream().map(course::requireLab).toList();
        if (contractOnly) {
            return contracts(selected);
        }
        if (!noBuild) {
            ReleaseGate.compile(course, selected);
        }
        ReleaseGate gate = new ReleaseGate(Path.of(System.getProperty("java.home")), repeat, !noRace,
                step -> System.out.println("check: " + step), strict || ReleaseGate.strictByDefault());
        List<LabVerdict> verdicts = new ArrayList<>();
        for (Lab lab : selected) {
            verdicts.add(gate.check(lab));
        }
        List<String> drift = new LabsTree(course).differences();
        GateTable.print(System.out, verdicts, drift.isEmpty());
        drift.forEach(d -> System.out.println("  " + d));
        for (LabVerdict v : verdicts) {   // what publish --week reads: this lab passed on these sources
            boolean labDrift = drift.stream().anyMatch(d -> d.contains("labs/" + v.lab() + "/"));
            GateStamps.of(course.root()).record(course.requireLab(v.lab()), v.ok() && !labDrift, !noRace, v.unchecked());
        }
        boolean ok = drift.isEmpty() && verdicts.stream().allMatch(LabVerdict::ok);
        System.out.println();
        long unchecked = verdicts.stream().mapToLong(v -> v.unchecked().size()).sum();
        System.out.println(!ok ? "check FAILED" : unchecked == 0 ? "check passed: the labs may be released"
                : "check passed with " + unchecked + " test(s) NOT CHECKED on this machine (see the warnings above;"
                        + " ./wirelab doctor lists what to install)");
        return ok ? 0 : 1;
    }

    private static int contracts(List<Lab> selected) {
        boolean ok = true;
        for (Lab lab : selected) {
            ContractCheck c = ContractCheck.of(lab);
            System.out.println(lab.name() + " " + c.summary());
            c.problems().forEach(p -> System.out.println("  - " + p));
            ok &= c.problems().isEmpty();
        }
        System.out.println(ok ? "contracts pass" : "contract check FAILED");
        return ok ? 0 : 1;
    }
}
