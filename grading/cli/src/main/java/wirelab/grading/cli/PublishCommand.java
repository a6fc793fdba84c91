package wirelab.grading.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import wirelab.grading.course.Course;
import wirelab.grading.publish.LabsTree;

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
            return StudentPublish.run(course, week, out);
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
}
