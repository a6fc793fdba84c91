package wirelab.grading.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import wirelab.grading.batch.Batch;
import wirelab.grading.batch.Copies;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.grade.GradeOptions;
import wirelab.grading.grade.PreparedLab;
import wirelab.grading.run.Sandbox;
import wirelab.grading.sandbox.Isolation;

/** {@code wirelab grade SUBMISSIONS... --lab LAB}: grades a class into scores, feedback, a gradebook and a report. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        header = "Grade a class's submissions of one lab, each in isolated JVMs.",
        description = {"Grade submissions (folders, .zip files, repository clones; a folder of them counts as its",
            "contents) of one lab: each in fresh, isolated JVMs. Writes OUT/students/<student>/ (result.json,",
            "Gradescope results.json, junit.xml, feedback.txt), OUT/gradebook.csv and OUT/report.html.",
            "A re-run skips submissions whose inputs did not change (use --force to grade them again)."})
final class GradeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SUBMISSION", description = "Submission folders or .zip files.")
    List<Path> submissions;

    @Option(names = "--lab", required = true, description = "The lab these submissions are for.")
    String lab;

    @Option(names = "--out", description = "Output folder (default: grading-out/<lab>).")
    Path out;

    @Option(names = "--jobs", description = {"Submissions graded at once (default: the cores times the lab's test JVMs",
        "per submission: one JVM each while submissions wait, more for the last ones)."})
    int jobs;

    @Option(names = "--force", description = "Grade again even when a submission did not change.")
    boolean force;

    @Option(names = "--race", description = "Also run the lab's jcstress race tests (about 20 s per submission).")
    boolean race;

    @Option(names = "--shards", description = {"Test JVMs per submission, each running a fixed part of its tests (the same",
        "for every submission; default: by the lab's test time, at most 2; 1 runs them all in one JVM)."})
    int shards;

    @Option(names = "--timeout", description = "Seconds per test (default: the lab's test.timeout, else 30).")
    Integer timeout;

    @Option(names = "--copies", paramLabel = "N", description = {"The determinism check: grade N copies of each submission in",
        "one batch (implies --force) and list every submission whose copies disagree, and on which tests",
        "(exit code 1 if any)."})
    int copies = 1;

    @Option(names = "--isolation", paramLabel = "auto|required", description = {"auto (default): the strongest this machine",
        "has, with a loud warning when student code would run with your own rights; required: refuse to grade",
        "then (the default when CI=true). ./wirelab doctor says what this machine confines."})
    String isolation;

    @Override
    public Integer call() {
        Course course = Course.locate();
        Lab l = course.requireLab(lab);
        Path outDir = out != null ? out : Path.of("grading-out", lab);
        List<Path> inputs = Batch.expand(submissions);
        List<Path> graded = copies > 1 ? Copies.of(inputs, copies) : inputs;
        Path javaHome = Path.of(System.getProperty("java.home"));
        Sandbox sandbox = Isolation.detect(javaHome, PreparedLab.workBase());
        System.out.println("isolation: " + sandbox.describe());
        Confinement.check(sandbox, isolation, System.out::println);
        Confinement.closeFolders(sandbox, course, l, outDir, submissions, s -> System.out.println("wirelab: " + s));
        Batch.Outcome outcome = gradeAll(course, l, sandbox, graded, outDir, jobs, force || copies > 1,
                GradeOptions.defaults().withRace(race).withShards(shards)
                        .withPerTest(timeout == null ? null : Duration.ofSeconds(timeout)));
        Scoreboard.print(outcome, System.out);
        String warning = Confinement.warning(sandbox);
        if (warning != null) {
            System.out.println(warning);
        }
        if (copies > 1) {
            List<Copies.Disagreement> differ = Copies.compare(graded, outcome.results());
            System.out.println(Copies.report(inputs.size(), copies, differ));
            return differ.isEmpty() ? 0 : 1;
        }
        return 0;
    }

    static Batch.Outcome gradeAll(Course course, Lab lab, Sandbox sandbox, List<Path> inputs, Path outDir, int jobs,
            boolean force, GradeOptions options) {
        PreparedLab prepared = PreparedLab.prepare(course, lab, options, sandbox, s -> System.out.println("wirelab: " + s));
        int lanes = jobs > 0 ? jobs : prepared.jvmBudget();
        System.out.println("grading " + inputs.size() + " submission(s) of " + lab.name() + " on " + lanes + " lane(s), "
                + (prepared.shardCount() == 1 ? "1 test JVM each" : prepared.shardCount() + " test JVMs each (a fixed part of the tests in each), up to "
                        + Math.max(lanes, prepared.jvmBudget()) + " at once")
                + (options.race() ? ", with race tests" : "") + "; time limit per test "
                + prepared.options().perTest().toSeconds() + " s");
        return new Batch(prepared, lanes, force, System.out).run(inputs, outDir);
    }
}
