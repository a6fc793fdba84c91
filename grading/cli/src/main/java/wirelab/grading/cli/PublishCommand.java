package wirelab.grading.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.publish.GateStamps;
import wirelab.grading.publish.LabsTree;
import wirelab.grading.publish.StudentRepo;

/** {@code wirelab publish [--check]}: writes labs/ from solutions/, or checks it is in sync. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        header = "Write labs/ from solutions/, or a week's student repository (--week N --out DIR).",
        description = {"Write labs/ from solutions/: solution regions replaced, hidden tests left out.",
            "With --check, write nothing and fail (exit 1) naming the files that differ.",
            "With --week N --out DIR, write the student repository for weeks 1..N instead (only labs that",
            "passed ./wirelab check on their current sources are released)."})
final class PublishCommand implements Callable<Integer> {

    @Option(names = "--check", description = "Only compare labs/ with what publish would write.")
    boolean check;

    @Option(names = "--week", paramLabel = "N", description = "Publish the student repository for weeks 1..N (needs --out).")
    Integer week;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the student repository goes (an empty or new folder).")
    Path out;

    @Override
    public Integer call() {
        Course course = Course.locate();
        if (week != null || out != null) {
            return studentRepository(course, week, out);
        }
        LabsTree tree = new LabsTree(course);
        if (check) {
            List<String> diffs = tree.differences();
            if (diffs.isEmpty()) {
                System.out.println("labs/ is in sync with solutions/ (" + tree.files().size() + " files)");
                return 0;
            }
            System.out.println("labs/ differs from what `./wirelab publish` would write:");
            diffs.forEach(d -> System.out.println("  " + d));
            System.out.println("Run ./wirelab publish and commit labs/ (never edit labs/ by hand).");
            return 1;
        }
        List<String> changed = tree.write();
        changed.forEach(c -> System.out.println("  " + c));
        System.out.println(changed.isEmpty() ? "labs/ was already up to date"
                : "labs/: " + changed.size() + " files changed");
        return 0;
    }

    /** {@code --week N --out DIR}: the student repository, behind the release gate. */
    private static int studentRepository(Course course, Integer week, Path out) {
        if (week == null || out == null) {
            System.err.println("wirelab publish: --week N and --out DIR go together");
            return 2;
        }
        StudentRepo repo = new StudentRepo(course, week);
        List<String> refusals = GateStamps.of(course.root()).refusals(repo.labs());
        if (!refusals.isEmpty()) {
            System.err.println("wirelab publish: refusing to release week 1-" + week + ": the release gate has not passed");
            refusals.forEach(r -> System.err.println("  " + r));
            System.err.println("Run ./wirelab check " + repo.labs().stream().map(l -> "--lab " + l.name())
                    .reduce((a, b) -> a + " " + b).orElse("") + " and publish again.");
            return 1;
        }
        List<String> unchecked = GateStamps.of(course.root()).warnings(repo.labs());
        if (!unchecked.isEmpty()) {
            System.out.println("WARNING: the release gate passed, but some tests were NOT CHECKED (a peer program was"
                    + " missing where ./wirelab check ran; run it where they are installed, or on CI):");
            unchecked.forEach(u -> System.out.println("  " + u));
        }
        int n = repo.write(out);
        System.out.println("wrote the student repository for weeks 1-" + week + " to " + out + " (" + n + " files): "
                + repo.labs().stream().map(Lab::name).toList());
        System.out.println("Next: cd " + out + " && ./mvnw -q test   (the public tests fail on the starters: that is the point)");
        return 0;
    }
}
