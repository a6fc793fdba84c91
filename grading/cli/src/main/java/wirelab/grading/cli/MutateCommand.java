package wirelab.grading.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wirelab.grading.batch.GradingSession;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.grade.GradeOptions;
import wirelab.grading.mutate.Mutant;
import wirelab.grading.mutate.MutantMaker;
import wirelab.grading.mutate.MutationReport;
import wirelab.grading.mutate.MutationRun;
import wirelab.grading.mutate.Operator;
import wirelab.grading.mutate.Operators;
import wirelab.grading.run.Sandbox;

/** {@code wirelab mutate}: how many typical mistakes in the reference does the lab's test suite catch? */
@Command(name = "mutate", mixinStandardHelpOptions = true,
        header = "Grade mutants of the reference (typical student mistakes) and report the ones the tests miss.",
        description = {"Makes source-level mutants of the reference solution inside its solution regions (a lock",
            "dropped, notifyAll → notify, a flush removed, < → <=, ...), drops those that do not compile, grades the",
            "rest as a class with the lab's tests, and prints the survivors with their diffs, the score",
            "(killed / (compiled - equivalent)) and the time. Equivalent mutants: solutions/<lab>/mutants.ignore.",
            "Writes OUT/mutants.json and OUT/mutants.html. Exit 1 when the score is below --min."})
final class MutateCommand implements Callable<Integer> {

    @Option(names = "--lab", description = "The lab to mutate.")
    String lab;

    @Option(names = "--out", description = "Output folder (default: target/mutate/<lab> in the course).")
    Path out;

    @Option(names = "--operators", split = ",", description = "Only these operators or categories (concurrency, io, text, classic, contract).")
    List<String> operators;

    @Option(names = "--max", description = "Grade at most N mutants, spread over the operators (default: all).")
    int max;

    @Option(names = "--only", split = ",", paramLabel = "ID",
            description = "Only the mutants with these ids (comma-separated, as --dry-run and mutants.json give them),"
                    + " e.g. the survivors of the last run after tests were added. The report then covers only these.")
    List<String> only;

    @Option(names = "--race", description = {"Also run the jcstress race tests on each mutant (about 20 s each), even in a lab",
        "whose race tests do not count (race.graded in lab.properties); where they count they always run."})
    boolean race;

    @Option(names = "--min", description = "Exit 1 when the score (0..1) is below this.")
    Double min;

    @Mixin
    JobsOption jobs = new JobsOption();

    @Option(names = "--everywhere", description = "Mutate the whole main source, not only the solution regions.")
    boolean everywhere;

    @Option(names = "--force", description = "Grade again the mutants whose result is still there from the last run.")
    boolean force;

    @Option(names = "--list", description = "List the operators and exit.")
    boolean list;

    @Option(names = "--dry-run", description = "Print the mutants (id and diff) without compiling or grading them.")
    boolean dryRun;

    @Option(names = "--no-reuse", description = {"Run every test on every mutant. By default the reference is graded first",
        "and a test class that does not reach the mutated file takes its results."})
    boolean noReuse;

    @Mixin
    StuckOption stuck = new StuckOption();

    @Override
    public Integer call() {
        if (list) {
            for (Operator o : Operators.all()) {
                System.out.printf(Locale.ROOT, "%-12s %-28s %s%n", o.category(), o.name(), o.summary());
            }
            return 0;
        }
        if (lab == null) {
            throw new IllegalArgumentException("which lab? --lab LAB");
        }
        List<String> chosen = Operators.select(operators).stream().map(Operator::name).toList();
        Course course = Course.locate();
        Lab l = course.requireLab(lab);
        if (dryRun) {
            List<Mutant> everyMutant = new MutantMaker(l.mainSources(), Operators.all(), everywhere).all();
            List<Mutant> ms = MutationRun.only(everyMutant,
                    everyMutant.stream().filter(m -> chosen.contains(m.operator())).toList(), only);
            for (Mutant m : ms) {
                System.out.println(m.id());
                m.diff().lines().skip(2).forEach(line -> System.out.println("    " + line));
            }
            System.out.println(ms.size() + " mutants");
            return 0;
        }
        Sandbox sandbox = GradingSession.isolation();
        System.out.println("isolation: " + sandbox.describe());
        GradingSession session = GradingSession.open(course, l,
                stuck.applyTo(race ? GradeOptions.defaults().withRace(true) : GradeOptions.defaults()).withReuse(!noReuse),
                sandbox, jobs.jobs(),
                s -> System.out.println("wirelab: " + s));
        Path outDir = out != null ? out : course.root().resolve("target/mutate").resolve(l.name());
        MutationRun.Result r = new MutationRun(session, System.out).run(
                new MutationRun.Options(operators, max, everywhere, force, only), outDir);
        MutationReport.print(r, System.out);
        MutationReport.writeJson(r, outDir.resolve("mutants.json"));
        MutationReport.writeHtml(r, outDir.resolve("mutants.html"));
        System.out.println("report: " + outDir.resolve("mutants.html").toAbsolutePath());
        if (min != null && r.score() < min) {
            System.out.printf(Locale.ROOT, "mutate: score %.3f is below --min %.3f%n", r.score(), min);
            return 1;
        }
        return 0;
    }
}
