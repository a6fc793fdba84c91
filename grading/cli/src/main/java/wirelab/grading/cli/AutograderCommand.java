package wirelab.grading.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wirelab.grading.autograder.AutograderBundle;
import wirelab.grading.autograder.GradescopeRun;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;

/** {@code wirelab autograder --lab LAB --out FILE.zip}: the Gradescope autograder bundle (and, inside it, --run). */
@Command(name = "autograder", mixinStandardHelpOptions = true,
        header = "Write a lab's Gradescope autograder bundle (or, inside Gradescope, run it).",
        description = {"Write the Gradescope autograder for a lab (--out FILE.zip): setup.sh, run_autograder and",
            "the harness with the lab's public and hidden tests. Inside Gradescope, --run grades",
            "/autograder/submission into /autograder/results/results.json (root: $WIRELAB_GRADESCOPE_ROOT)."})
public final class AutograderCommand implements Callable<Integer> {

    @Mixin
    LabOption lab = new LabOption();

    @Option(names = "--out", paramLabel = "FILE.zip", description = "Where to write the autograder zip.")
    Path out;

    @Option(names = "--run", description = "Grade the Gradescope submission (what run_autograder calls).")
    boolean run;

    /** The grading {@code autograder --run} does: the course's {@code grade}, one submission, confined or not at all. */
    public static GradescopeRun.Harness harness(String lab) {
        // never the student's code with the grader's rights: no confinement, no grade (results.json says why)
        return (submission, outDir) -> Main.run("grade", submission.toString(), "--lab", lab, "--out", outDir.toString(),
                "--jobs", "1", "--force", "--isolation", "required");
    }

    @Override
    public Integer call() throws Exception {
        Course course = Course.locate();
        Lab l = course.requireLab(lab.name());
        if (run) {
            Path results = GradescopeRun.run(course, l, GradescopeRun.root(), harness(lab.name()));
            System.out.println("wrote " + results);
            return 0;
        }
        if (out == null) {
            System.err.println("wirelab autograder: give --out FILE.zip (or --run inside Gradescope)");
            return 2;
        }
        AutograderBundle bundle = new AutograderBundle(course, l);
        bundle.write(out);
        System.out.println("wrote the Gradescope autograder for " + lab.name() + " to " + out
                + " (upload it as the assignment's autograder zip)");
        List<String> peers = bundle.peerPrograms();
        System.out.println("its setup.sh installs the programs the tests drive: " + (peers.isEmpty() ? "none needed" : String.join(", ", peers)));
        System.out.println("total to enter on Gradescope: " + bundle.total().describe());
        return 0;
    }
}
