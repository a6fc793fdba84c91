package wirelab.grading.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import wirelab.grading.report.ResultsDiff;
import wirelab.grading.result.Points;

/** {@code wirelab diff OLD NEW}: which students' scores changed between two gradings, and why. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        header = "List the students whose score changed between two gradings, and why.",
        description = {"Compare two grading output folders (--out of ./wirelab grade): list the students whose",
            "score changed, and why, test by test. Exit code 1 when any score changed."})
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW")
    Path after;

    @Override
    public Integer call() {
        List<ResultsDiff.Change> changes = ResultsDiff.diff(ResultsDiff.load(before), ResultsDiff.load(after));
        if (changes.isEmpty()) {
            System.out.println("no score changed");
            return 0;
        }
        for (ResultsDiff.Change c : changes) {
            System.out.println(c.student() + ": " + score(c.before()) + " → " + score(c.after()));
            c.reasons().forEach(r -> System.out.println("    " + r));
        }
        System.out.println(changes.size() + " student(s) changed");
        return 1;
    }

    private static String score(double d) {
        return Double.isNaN(d) ? "—" : Points.of(d);
    }
}
