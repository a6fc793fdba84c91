package wirelab.grading.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import wirelab.grading.course.Course;
import wirelab.grading.course.Week;
import wirelab.grading.late.LateGradebook;
import wirelab.grading.late.SubmissionTimes;
import wirelab.grading.roster.Identity;

/** {@code wirelab late GRADING_OUT --lab LAB --times times.csv}: the gradebook with the week's late policy applied. */
@Command(name = "late", mixinStandardHelpOptions = true,
        header = "Apply a week's late policy to a graded class: raw and adjusted scores.",
        description = {"Apply the week's late policy (modules/week*/module.yaml) to a graded class: reads",
            "GRADING_OUT/gradebook.csv (scores with the staff's adjustments) and the submission times (those grade",
            "kept from the Classroom clone or Gradescope export; --times: CSV student,submitted_at with ISO times,",
            "which win), writes GRADING_OUT/gradebook-late.csv with raw and adjusted scores, and the",
            "adjusted score scaled to the week's points (split evenly when a week has several labs)."})
final class LateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "GRADING_OUT", description = "The output folder of ./wirelab grade.")
    Path graded;

    @Mixin
    LabOption lab = new LabOption();

    @Option(names = "--times", paramLabel = "FILE.csv", description = {"student,submitted_at: these win over the submit",
        "times of the exports (kept in GRADING_OUT/students/*/submission.json)."})
    Path times;

    @Override
    public Integer call() {
        Course course = Course.locate();
        Week week = course.weekOf(course.requireLab(lab.name())).orElseThrow(() -> new IllegalArgumentException(
                "no modules/week*/module.yaml lists " + lab.name() + ": no due date or late policy to apply"));
        // the times the exports gave, then the file's, which win
        Map<String, Instant> at = new java.util.TreeMap<>(Identity.times(graded));
        if (times != null) {
            at.putAll(SubmissionTimes.csv(times));
        }
        if (at.isEmpty()) {
            throw new IllegalArgumentException("no submission times: " + graded + " was not graded from a Classroom clone"
                    + " or a Gradescope export; give --times FILE.csv (student,submitted_at)");
        }
        ZonedDateTime due = week.due();
        double labPoints = week.points() / week.labs().size();
        List<LateGradebook.Row> rows = LateGradebook.apply(graded.resolve("gradebook.csv"), at, due, week.late(), labPoints);
        Path file = graded.resolve("gradebook-late.csv");
        LateGradebook.write(rows, file);
        System.out.println(lab.name() + " due " + due + "; late policy: " + week.late().describe()
                + "; counts " + num(labPoints) + " point(s) of week " + week.number());
        for (LateGradebook.Row r : rows) {
            System.out.printf("  %-24s score %6s / %s  after the late policy %6s  week %6s / %s  %s%n", r.student(), num(r.raw()),
                    num(r.max()), num(r.adjusted()), num(r.weekScore()), num(labPoints), r.note());
        }
        System.out.println("wrote " + file);
        return 0;
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(java.util.Locale.ROOT, "%.2f", d);
    }
}
