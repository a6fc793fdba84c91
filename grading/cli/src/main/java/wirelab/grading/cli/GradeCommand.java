package wirelab.grading.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import wirelab.grading.batch.Batch;
import wirelab.grading.batch.Copies;
import wirelab.grading.batch.GradingSession;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.grade.GradeOptions;
import wirelab.grading.report.Scoreboard;
import wirelab.grading.roster.ClassIntake;
import wirelab.grading.run.Sandbox;

/** {@code wirelab grade SUBMISSIONS... --lab LAB}: grades a class into scores, feedback, a gradebook and a report. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        header = "Grade a class's submissions of one lab, each in isolated JVMs.",
        description = {"Grade submissions of one lab, each in fresh, isolated JVMs. SUBMISSION is a GitHub Classroom",
            "clone (gh classroom clone student-repos), a Gradescope \"Export Submissions\" zip or folder, a folder",
            "of submissions (folders or .zip files), or one submission. Writes OUT/students/<student>/ (result.json,",
            "Gradescope results.json, junit.xml, feedback.txt, submission.json), then OUT/gradebook.csv,",
            "OUT/matrix.csv and OUT/report.html from every student in OUT, so grading one student again keeps the",
            "class. OUT/adjustments.csv (see ./wirelab adjust) is applied every time. A re-run skips submissions",
            "whose inputs did not change (use --force to grade them again)."})
final class GradeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SUBMISSION", description = "Submission folders or .zip files.")
    List<Path> submissions;

    @Mixin
    LabOption lab = new LabOption();

    @Option(names = "--out", description = "Output folder (default: grading-out/<lab>).")
    Path out;

    @Mixin
    JobsOption jobs = new JobsOption();

    @Option(names = "--force", description = "Grade again even when a submission did not change.")
    boolean force;

    @Option(names = "--shards", description = {"Test JVMs per submission, each running a fixed part of its tests (the same",
        "for every submission; default: the lab's grade.shards, else by its test time, at most 2; 1 runs them",
        "all in one JVM)."})
    int shards;

    @Option(names = "--timeout", description = "Seconds per test (default: the lab's test.timeout, else 30).")
    Integer timeout;

    @Option(names = "--copies", paramLabel = "N", description = {"The determinism check: grade N copies of each submission in",
        "one batch (implies --force) and list every submission whose copies disagree, and on which tests",
        "(exit code 1 if any)."})
    int copies = 1;

    @Mixin
    StuckOption stuck = new StuckOption();

    @Option(names = "--roster", paramLabel = "FILE.csv", description = {"The class list (student, sis_id, name, email,",
        "github, section): names each submission by its roster student and lists who is missing. Kept as",
        "OUT/roster.csv for later runs and exports."})
    Path roster;

    @Option(names = "--only", paramLabel = "STUDENT", split = ",", description = {"Grade only these students (their",
        "results folder, roster key, GitHub user, email or SID); the rest of OUT is kept as it is."})
    List<String> only;

    @Option(names = "--isolation", paramLabel = "auto|required", description = {"auto (default): the strongest this machine",
        "has, with a loud warning when student code would run with your own rights; required: refuse to grade",
        "then (the default when CI=true). ./wirelab doctor says what this machine confines."})
    String isolation;

    @Override
    public Integer call() throws Exception {
        Course course = Course.locate();
        Lab l = course.requireLab(lab.name());
        Path outDir = out != null ? out : Path.of("grading-out", lab.name());
        GradeOptions options = stuck.applyTo(GradeOptions.defaults().withShards(shards)
                .withPerTest(timeout == null ? null : Duration.ofSeconds(timeout)));
        Sandbox sandbox = GradingSession.isolation();
        System.out.println("isolation: " + sandbox.describe());
        Confinement.check(sandbox, isolation, System.out::println);
        Confinement.closeFolders(sandbox, course, l, outDir, submissions, s -> System.out.println("wirelab: " + s));
        try {
            return gradeAndReport(course, l, sandbox, outDir, options);
        } finally {
            String warning = Confinement.warning(sandbox);
            if (warning != null) {
                System.out.println(warning);
            }
        }
    }

    private int gradeAndReport(Course course, Lab l, Sandbox sandbox, Path outDir, GradeOptions options) throws Exception {
        if (copies > 1) {
            List<Path> inputs = Batch.expand(submissions);
            List<Path> graded = Copies.of(inputs, copies);
            Batch.Outcome outcome = gradeAll(course, l, sandbox, Batch.names(graded), outDir, jobs.jobs(), true, options);
            Scoreboard.print(outcome.results(), System.out);
            outcome.printSummary(System.out);
            List<Copies.Disagreement> differ = Copies.compare(graded, outcome.results());
            System.out.println(Copies.report(inputs.size(), copies, differ));
            return differ.isEmpty() ? 0 : 1;
        }
        try (ClassIntake intake = ClassIntake.read(submissions, roster, outDir, only, System.out)) {
            Batch.Outcome outcome = gradeAll(course, l, sandbox, intake.byStudent(), outDir, jobs.jobs(), force, options);
            Scoreboard.print(outcome.results(), System.out);
            outcome.printSummary(System.out);
            intake.printKept(System.out);
            return 0;
        }
    }

    static Batch.Outcome gradeAll(Course course, Lab lab, Sandbox sandbox, java.util.Map<String, Path> inputs, Path outDir,
            int jobs, boolean force, GradeOptions options) {
        GradingSession session = GradingSession.open(course, lab, options, sandbox, jobs,
                s -> System.out.println("wirelab: " + s));
        System.out.println(session.plan(inputs.size()));
        return session.grade(inputs, outDir, force, System.out);
    }
}
