package wirelab.grading.batch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.grade.GradeOptions;
import wirelab.grading.grade.PreparedLab;
import wirelab.grading.run.Sandbox;
import wirelab.grading.sandbox.Isolation;
import wirelab.grading.sandbox.WorkFolders;

/**
 * One lab graded as a class, decided once: the isolation ({@link #isolation}), the prepared lab
 * (compiled tests, plan, parts) and the lanes; then batches of submissions (a class, the copies
 * check, mutants, the demo's samples) graded on them with {@link #grade}. The one entry point to
 * grade submissions: {@code grade} (and the autograder, which runs it), {@code mutate} and {@code
 * demo} open one.
 */
public final class GradingSession {

    private final PreparedLab lab;
    private final int lanes;

    private GradingSession(PreparedLab lab, int lanes) {
        this.lab = lab;
        this.lanes = lanes;
    }

    /** The isolation this machine offers, each layer tried for real: once per run, shared by its sessions. */
    public static Sandbox isolation() {
        return Isolation.detect(Path.of(System.getProperty("java.home")), WorkFolders.base());
    }

    /** @param jobs lanes the TA asked for; 0 for the lab's own budget ({@link PreparedLab#jvmBudget}) */
    public static GradingSession open(Course course, Lab lab, GradeOptions options, Sandbox sandbox, int jobs,
            Consumer<String> say) {
        PreparedLab prepared = PreparedLab.prepare(course, lab, options, sandbox, say);
        return new GradingSession(prepared, jobs > 0 ? jobs : prepared.jvmBudget());
    }

    public PreparedLab lab() {
        return lab;
    }

    public int lanes() {
        return lanes;
    }

    /** One line before a batch: how many submissions, on how many lanes and test JVMs, with which limits. */
    public String plan(int submissions) {
        return "grading " + submissions + " submission(s) of " + lab.lab().name() + " on " + lanes + " lane(s), "
                + (lab.shardCount() == 1 ? "1 test JVM each" : lab.shardCount() + " test JVMs each (a fixed part of the tests in each), up to "
                        + Math.max(lanes, lab.jvmBudget()) + " at once")
                + (lab.options().race() ? ", with race tests" : "") + "; time limit per test "
                + lab.options().perTest().toSeconds() + " s";
    }

    /**
     * Grades {@code inputs} into {@code outDir} on cores shared with other labs' sessions (the
     * demo): on twice the lanes of this lab's share, the second half starting only on cores lent
     * while the machine idles (see {@link SharedLanes}).
     */
    public Batch.Outcome grade(List<Path> inputs, Path outDir, boolean force, PrintStream out, Batch.Together together) {
        return new Batch(lab, 2 * together.lanes().lanesFor(lab), force, out, together).run(inputs, outDir);
    }

    /** Grades {@code inputs} (results folder name → submission) into {@code outDir}, as a class. */
    public Batch.Outcome grade(Map<String, Path> inputs, Path outDir, boolean force, PrintStream out) {
        return new Batch(lab, lanes, force, out).run(inputs, outDir);
    }
}
