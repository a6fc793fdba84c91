package wirelab.grading.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import wirelab.grading.batch.ClassFiles;
import wirelab.grading.course.Course;
import wirelab.grading.export.FinalScores;
import wirelab.grading.export.LmsExport;
import wirelab.grading.late.SubmissionTimes;
import wirelab.grading.result.Points;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.roster.Roster;

/** {@code wirelab export OUT --format canvas --roster roster.csv --out canvas.csv}: final scores for the LMS. */
@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Write a graded class's final scores as a file Canvas or Moodle imports as it is.",
        description = {"The final score of each roster student: the graded score, the staff adjustments",
            "(OUT/adjustments.csv), then the week's late policy on the submit time (from the Classroom clone or",
            "Gradescope export, or --times). Formats: canvas (Canvas's gradebook import: Student, ID, SIS User ID,",
            "SIS Login ID, Section, the assignment, and a Points Possible row), moodle (ID number, Email address,",
            "Full name, the grade: map ID number to idnumber on import), csv (everything, one row per student),",
            "matrix (points per test and student). Lists roster students with no submission and submissions not",
            "on the roster."})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    GradedClass graded;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "canvas, moodle, csv or matrix.")
    String format;

    @Option(names = "--roster", paramLabel = "FILE.csv", description = "The class list (default: OUT/roster.csv, kept by grade --roster).")
    Path roster;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path file;

    @Option(names = "--assignment", paramLabel = "NAME", description = {"The assignment column's header: for Canvas,",
        "\"Name (12345)\" updates assignment 12345, a name alone makes a new one (default: the week's title and the lab)."})
    String assignment;

    @Option(names = "--points", paramLabel = "N", description = "Scale scores to N points (default: the lab's own points).")
    Double points;

    @Option(names = "--missing", paramLabel = "blank|zero", description = {"A roster student with no submission: blank",
        "(default: the LMS keeps what it has) or zero."})
    String missing = "blank";

    @Option(names = "--times", paramLabel = "FILE.csv", description = "Submit times (student,submitted_at) that win over the exports'.")
    Path times;

    @Override
    public Integer call() {
        Path outDir = graded.outDir();
        LmsExport.Format f;
        try {
            f = LmsExport.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format must be canvas, moodle, csv or matrix, not '" + format + "'");
        }
        if (!missing.equals("blank") && !missing.equals("zero")) {
            throw new IllegalArgumentException("--missing must be blank or zero, not '" + missing + "'");
        }
        if (roster != null) {
            Roster.read(roster).copyTo(outDir);
        }
        ClassFiles.Context ctx = graded.context();
        ClassFiles.Summary s = ClassFiles.rebuild(outDir, ctx);
        Optional<Roster> r = s.roster();
        if (r.isEmpty() && (f == LmsExport.Format.CANVAS || f == LmsExport.Format.MOODLE)) {
            throw new IllegalArgumentException("a " + format + " import matches students by their ids: give --roster"
                    + " roster.csv (columns student, sis_id, name, email, github, section)");
        }
        Map<String, Instant> at = times == null ? Map.of() : SubmissionTimes.csv(times);
        List<FinalScores.Row> rows = FinalScores.of(s.results(), s.identities(), r, ctx.deadline(), at);
        double max = s.results().stream().mapToDouble(SubmissionResult::max).max().orElse(0);
        String name = assignment != null ? assignment : defaultAssignment(ctx);
        LmsExport.write(f, rows, max, new LmsExport.Options(name, points, missing.equals("zero")), file);

        System.out.println(ctx.lab() + ": " + (ctx.deadline() == null ? "no deadline (no week lists the lab): no late policy"
                : "due " + ctx.deadline().due() + "; " + ctx.deadline().policy().describe()));
        for (FinalScores.Row row : rows) {
            String score = row.missing() ? "-" : Points.of(row.score());
            System.out.printf(Locale.ROOT, "  %-20s %7s / %s  %s%n", row.student(), score, Points.of(max),
                    row.missing() ? "no submission" + (missing.equals("zero") ? ": 0" : ": left blank") : row.note());
        }
        long notOnRoster = rows.stream().filter(x -> !x.onRoster()).count();
        if (r.isPresent() && notOnRoster > 0 && f != LmsExport.Format.CSV && f != LmsExport.Format.MATRIX) {
            System.out.println("NOT exported (not on the roster; add them to " + r.get().file().getFileName()
                    + " and grade again): " + String.join(", ", rows.stream().filter(x -> !x.onRoster())
                            .map(FinalScores.Row::student).toList()));
        }
        s.view().problems().forEach(p -> System.out.println("adjustment NOT applied: " + p));
        boolean lms = f == LmsExport.Format.CANVAS || f == LmsExport.Format.MOODLE;
        System.out.println("wrote " + file + " (" + f.name().toLowerCase(Locale.ROOT) + (lms ? ", column \"" + name + "\"" : "")
                + ", out of " + Points.of(points == null ? max : points) + ")");
        return 0;
    }

    private static String defaultAssignment(ClassFiles.Context ctx) {
        try {
            return Course.locate().weekOf(Course.locate().requireLab(ctx.lab()))
                    .map(w -> "Week " + w.number() + ": " + w.title()).orElse("Lab " + ctx.lab());
        } catch (RuntimeException e) {
            return "Lab " + ctx.lab();
        }
    }
}
