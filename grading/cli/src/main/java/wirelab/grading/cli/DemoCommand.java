package wirelab.grading.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wirelab.grading.batch.GradingSession;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.demo.Demo;
import wirelab.grading.grade.GradeOptions;
import wirelab.grading.run.Sandbox;

/** {@code wirelab demo}: grade the bundled sample submissions and print the scoreboard. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Grade the bundled sample submissions and print the scoreboard (the main job).",
        description = {"Grade the sample submissions in grading/samples/ (reference, untouched starter, typical",
            "mistakes, hostile code) of every lab, as a TA's class would be graded, and print the scoreboard",
            "and where report.html is. Exits 1 when a sample misses what its sample.properties expects."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    LabsOption labs = new LabsOption();

    @Option(names = "--out", description = "Output folder (default: target/demo in the course).")
    Path out;

    @Option(names = "--jobs", description = {"Cores the labs' samples share (default: all of them); each lab runs as many",
        "test JVMs per core as it would alone."})
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--force", description = "Grade again even when nothing changed.")
    boolean force;

    @Option(names = "--no-reuse", description = {"Run every test of every sample. By default a test class whose inputs",
        "(the test and every class of the sample it uses) are the reference's bytes takes the reference's results."})
    boolean noReuse;

    @Option(names = "--sample", paramLabel = "NAME",
            description = "Only this sample (repeatable; e.g. reference, hostile-output-flood, 'hostile-*').")
    List<String> samples = new java.util.ArrayList<>();

    @Mixin
    StuckOption stuck = new StuckOption();

    @Override
    public Integer call() {
        Course course = Course.locate();
        List<Lab> chosen = labs.names().isEmpty() ? course.labList() : labs.names().stream().map(course::requireLab).toList();
        Sandbox sandbox = GradingSession.isolation();
        System.out.println("doctor: " + DoctorCommand.summary(new wirelab.grading.doctor.Doctor(course).programs(), sandbox)
                + " (./wirelab doctor)");
        System.out.println("isolation: " + sandbox.describe());
        String warning = Confinement.warning(sandbox);
        if (warning != null) {
            System.out.println(warning);
        }
        Path outRoot = out != null ? out : course.root().resolve("target/demo");
        for (Lab l : chosen) {
            Confinement.closeFolders(sandbox, course, l, outRoot, List.of(), s -> System.out.println("wirelab: " + s));
        }
        List<Demo.LabRun> runs = new Demo(course, sandbox, System.out, samples).run(chosen, outRoot, jobs, force,
                stuck.applyTo(GradeOptions.defaults()).withReuse(!noReuse));
        Demo.print(runs, sandbox.describe(), System.out);
        if (warning != null) {
            System.out.println(warning);
        }
        List<String> notGraded = Demo.notGraded(runs);
        if (!notGraded.isEmpty()) {
            System.out.println();
            System.out.println("demo: NOT GRADED on this machine (a peer program is missing; left out of every maximum,"
                    + " never failed; ./wirelab doctor says more):");
            notGraded.forEach(n -> System.out.println("  " + n));
        }
        List<String> misses = Demo.misses(runs);
        if (!misses.isEmpty()) {
            System.out.println();
            System.out.println("demo: " + misses.size() + " sample(s) missed their expectation:");
            misses.forEach(m -> System.out.println("  " + m));
        }
        return runs.isEmpty() || !misses.isEmpty() ? 1 : 0;
    }
}
