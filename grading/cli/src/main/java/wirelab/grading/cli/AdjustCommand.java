package wirelab.grading.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wirelab.grading.adjust.Adjustments;
import wirelab.grading.batch.ClassFiles;
import wirelab.grading.report.ResultFiles;
import wirelab.grading.result.Points;
import wirelab.grading.result.SubmissionResult;

/** {@code wirelab adjust OUT}: add a staff adjustment, or apply OUT/adjustments.csv after editing it; no test runs. */
@Command(name = "adjust", mixinStandardHelpOptions = true,
        header = "Add or apply staff adjustments to a graded class, without running tests again.",
        description = {"Staff adjustments live in OUT/adjustments.csv (columns student, test, points, comment, who;",
            "a blank test is the whole submission). With --student and --points, adds a row; then, in any case,",
            "applies the whole file to every student of OUT and rewrites their feedback.txt, result.json and",
            "results.json, and OUT/gradebook.csv, matrix.csv and report.html. ./wirelab grade applies the file",
            "every time too, so an adjustment survives --force."})
final class AdjustCommand implements Callable<Integer> {

    @Mixin
    GradedClass graded;

    @Option(names = "--student", paramLabel = "STUDENT", description = "The student (results folder name) to adjust.")
    String student;

    @Option(names = "--test", paramLabel = "TEST", description = {"The test: its short id (StoreTest.test02), id, method",
        "or display name; leave out for the whole submission."})
    String test;

    @Option(names = "--points", paramLabel = "POINTS", description = "Points to add (+) or take away (-).")
    Double points;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Why, in words the student reads.")
    String comment;

    @Option(names = "--by", paramLabel = "WHO", description = "Who decided it (default: $USER).")
    String by;

    @Override
    public Integer call() {
        Path outDir = graded.outDir();
        ClassFiles.Context ctx = graded.context();
        if (student != null || points != null) {
            if (student == null || points == null) {
                throw new IllegalArgumentException("an adjustment needs both --student and --points");
            }
            SubmissionResult graded = ResultFiles.read(outDir.resolve("students").resolve(student));
            if (graded == null) {
                throw new IllegalArgumentException("no graded student '" + student + "' in " + outDir);
            }
            // a row that could not apply is refused now, not written to the file and reported later
            Adjustments.Applied check = Adjustments.apply(graded, java.util.List.of(new Adjustments.Row(0, student,
                    test == null ? "" : test, points, "", "")));
            if (!check.problems().isEmpty()) {
                throw new IllegalArgumentException(check.problems().get(0).replace(Adjustments.FILE + ":0: ", "")
                        .replace("; row ignored", ""));
            }
            String who = by != null ? by : System.getenv().getOrDefault("USER", "");
            Adjustments.append(outDir, student, test, points, comment, who);
            System.out.println("added to " + outDir.resolve(Adjustments.FILE) + ": " + student + " "
                    + (points > 0 ? "+" : "") + Points.of(points) + (test == null ? "" : " on " + test));
        }
        ClassFiles.Summary s = ClassFiles.rebuild(outDir, ctx);
        for (SubmissionResult r : s.results()) {
            if (!r.adjustments().isEmpty()) {
                System.out.printf("  %-24s %s -> %s / %s%n", r.student(), Points.of(r.gradedScore()),
                        Points.of(r.score()), Points.of(r.max()));
                r.adjustments().forEach(a -> System.out.println("      " + a.describe()));
            }
        }
        ClassFiles.print(s, outDir, System.out);
        System.out.println("gradebook: " + s.gradebook().toAbsolutePath());
        System.out.println("report:    " + s.report().toAbsolutePath());
        return s.view().problems().isEmpty() ? 0 : 1;
    }
}
