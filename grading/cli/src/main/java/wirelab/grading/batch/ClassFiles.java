package wirelab.grading.batch;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import wirelab.grading.adjust.Adjustments;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.course.LabBuild;
import wirelab.grading.course.LatePolicy;
import wirelab.grading.export.TestMatrix;
import wirelab.grading.intake.Submitter;
import wirelab.grading.late.Deadline;
import wirelab.grading.report.ClassView;
import wirelab.grading.report.Gradebook;
import wirelab.grading.report.HtmlReport;
import wirelab.grading.report.ResultFiles;
import wirelab.grading.report.ResultsDiff;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.roster.Identity;
import wirelab.grading.roster.Roster;
import wirelab.grading.roster.RosterStudent;

/**
 * The class files of a grading output folder, rebuilt from every student in it (not only those
 * graded just now): the staff's adjustments ({@code adjustments.csv}) applied to each result
 * (its files rewritten when they change), then {@code gradebook.csv}, {@code matrix.csv} and
 * {@code report.html} with the roster's coverage ({@code roster.csv}) and the deadline's late
 * submissions. Reads only the folder: a regrade of one student, a new adjustment or a later
 * export all see the whole class.
 */
public final class ClassFiles {

    /** What the folder's results are for. */
    public record Context(String lab, String isolation, Set<String> publicClasses, Deadline deadline) {
    }

    /** The rebuilt class: every student's result (adjusted), who they are, and what could not be applied. */
    public record Summary(List<SubmissionResult> results, Map<String, Identity> identities, Optional<Roster> roster,
            ClassView view, int adjusted, Path gradebook, Path report, Path matrix) {

        public Optional<SubmissionResult> result(String student) {
            return results.stream().filter(r -> r.student().equals(student)).findFirst();
        }
    }

    private ClassFiles() {
    }

    public static Summary rebuild(Path outDir, Context ctx) {
        Map<String, SubmissionResult> stored = load(outDir);
        Optional<Roster> roster = Roster.in(outDir);
        Adjustments.Sheet sheet = Adjustments.read(outDir);
        List<String> problems = new ArrayList<>(sheet.problems());
        List<SubmissionResult> results = new ArrayList<>();
        Map<String, Identity> identities = new LinkedHashMap<>();
        int adjusted = 0;
        for (Map.Entry<String, SubmissionResult> e : stored.entrySet()) {
            Path dir = outDir.resolve("students").resolve(e.getKey());
            Adjustments.Applied a = Adjustments.apply(e.getValue(), sheet.of(e.getKey()));
            problems.addAll(a.problems().stream().map(p -> p + " (student " + e.getKey() + ")").toList());
            SubmissionResult r = a.result();
            if (!r.adjustments().equals(e.getValue().adjustments()) || r.score() != e.getValue().score()) {
                ResultFiles.write(r, dir, ctx.publicClasses());
            }
            if (!r.adjustments().isEmpty()) {
                adjusted++;
            }
            results.add(r);
            Identity id = Identity.read(dir);
            if (id != null) {
                identities.put(e.getKey(), id);
            }
        }
        sheet.rows().stream().filter(row -> !stored.containsKey(row.student())).forEach(row -> problems.add(
                Adjustments.FILE + ":" + row.line() + ": no graded student '" + row.student() + "' in " + outDir + "; row ignored"));
        ClassView view = view(results, identities, roster, ctx.deadline(), problems);
        String isolation = ctx.isolation() != null ? ctx.isolation()
                : results.stream().map(SubmissionResult::isolation).findFirst().orElse("");
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path gradebook = outDir.resolve("gradebook.csv");
        Gradebook.write(results, who(results, identities, roster), gradebook);
        Path matrix = outDir.resolve("matrix.csv");
        TestMatrix.write(results, matrix);
        Path report = outDir.resolve("report.html");
        HtmlReport.write(ctx.lab(), results, isolation, view, report);
        return new Summary(List.copyOf(results), Map.copyOf(identities), roster, view, adjusted, gradebook, report, matrix);
    }

    /**
     * The context of a grading output folder, from the course: the lab its results are for (or
     * {@code lab} when given), the test classes students have, the deadline.
     */
    public static Context context(Path outDir, String lab) {
        Map<String, SubmissionResult> stored = load(outDir);
        if (stored.isEmpty()) {
            throw new IllegalArgumentException(outDir + " holds no graded students (no students/*/result.json):"
                    + " grade the class first (./wirelab grade SUBMISSIONS --lab LAB --out " + outDir + ")");
        }
        String name = lab != null ? lab : stored.values().iterator().next().lab();
        Course course = Course.locate();
        Lab l = course.requireLab(name);
        LabBuild build = new LabBuild(l);
        Set<String> classes = new HashSet<>(build.publicTestClasses());
        if (l.raceTestsPublic()) {
            classes.addAll(build.raceTestClasses());
        }
        return new Context(name, null, Set.copyOf(classes), Deadline.of(course, l).orElse(null));
    }

    /** Every student's stored result, by folder name; none before the first grading. */
    static Map<String, SubmissionResult> load(Path outDir) {
        return Files.isDirectory(outDir.resolve("students")) ? ResultsDiff.load(outDir) : new TreeMap<>();
    }

    /** The identity columns of the gradebook: from the roster when it knows the student, else from the export. */
    static Map<String, Gradebook.Who> who(List<SubmissionResult> results, Map<String, Identity> ids, Optional<Roster> roster) {
        Map<String, Gradebook.Who> out = new LinkedHashMap<>();
        for (SubmissionResult r : results) {
            Identity id = ids.get(r.student());
            String at = id == null ? "" : id.submittedAt();
            Optional<RosterStudent> s = roster.flatMap(ro -> id != null && !id.roster().isEmpty()
                    ? ro.student(id.roster().get(0)) : ro.student(r.student()));
            if (s.isPresent()) {
                RosterStudent st = s.get();
                out.put(r.student(), new Gradebook.Who(st.sisId(), st.name(), st.email(), st.section(), at));
            } else if (id != null && !id.submitters().isEmpty()) {
                Submitter sub = id.submitters().get(0);
                out.put(r.student(), new Gradebook.Who(sub.sid(), sub.name(), sub.email(), "", at));
            } else {
                out.put(r.student(), new Gradebook.Who("", "", "", "", at));
            }
        }
        return out;
    }

    static ClassView view(List<SubmissionResult> results, Map<String, Identity> ids, Optional<Roster> roster,
            Deadline deadline, List<String> problems) {
        List<ClassView.Person> missing = new ArrayList<>();
        List<ClassView.Person> unmatched = new ArrayList<>();
        if (roster.isPresent()) {
            java.util.Set<String> covered = new java.util.HashSet<>();
            for (SubmissionResult r : results) {
                Identity id = ids.get(r.student());
                List<String> keys = id != null && !id.roster().isEmpty() ? id.roster()
                        : roster.get().student(r.student()).map(s -> List.of(s.student())).orElse(List.of());
                if (keys.isEmpty()) {
                    unmatched.add(new ClassView.Person(r.student(), id == null ? "graded before the roster was given"
                            : describe(id)));
                }
                covered.addAll(keys);
            }
            for (RosterStudent s : roster.get().students()) {
                if (!covered.contains(s.student())) {
                    missing.add(new ClassView.Person(s.student(), String.join(", ", Stream.of(s.name(),
                            s.section().isEmpty() ? "" : "section " + s.section(), s.github().isEmpty() ? "" : "@" + s.github())
                            .filter(x -> !x.isEmpty()).toList())));
                }
            }
        }
        List<ClassView.Late> late = new ArrayList<>();
        if (deadline != null) {
            for (SubmissionResult r : results) {
                Identity id = ids.get(r.student());
                Instant at = id == null ? null : id.submitted();
                LatePolicy.Adjusted a = deadline.apply(r.score(), at);
                if (a != null && a.late()) {
                    late.add(new ClassView.Late(r.student(), at.toString(), a.days(), a.note()));
                }
            }
        }
        String due = deadline == null ? "" : deadline.due() + " (week " + deadline.week() + "; " + deadline.policy().describe() + ")";
        return new ClassView(roster.map(ro -> ro.students().size()).orElse(-1), missing, late, unmatched, problems, due);
    }

    static String describe(Identity id) {
        List<String> parts = new ArrayList<>();
        for (Submitter s : id.submitters()) {
            parts.add(String.join(" ", Stream.of(s.name(), s.email().isEmpty() ? "" : "<" + s.email() + ">",
                    s.sid().isEmpty() ? "" : "SID " + s.sid(), s.github().isEmpty() ? "" : "GitHub @" + s.github())
                    .filter(x -> !x.isEmpty()).toList()));
        }
        return id.source() + " " + id.sourceId() + (parts.isEmpty() ? "" : ": " + String.join("; ", parts));
    }

    /** One line per class for the end of a command's output. */
    public static void print(Summary s, Path outDir, PrintStream out) {
        out.println("class: " + s.results().size() + " student(s) in " + outDir + " (gradebook, report and matrix rebuilt from all of them)"
                + (s.adjusted() > 0 ? "; " + s.adjusted() + " with staff adjustments" : ""));
        if (s.view().hasRoster()) {
            out.println("roster: " + s.view().rosterSize() + " student(s); no submission: "
                    + names(s.view().missing()) + "; not on the roster: " + names(s.view().unmatched()));
        }
        if (!s.view().due().isEmpty()) {
            out.println("late: " + (s.view().late().isEmpty() ? "none" : String.join(", ", s.view().late().stream()
                    .map(l -> l.student() + " (" + l.days() + " day(s))").toList())) + " — deadline " + s.view().due());
        }
        s.view().problems().forEach(p -> out.println("adjustment NOT applied: " + p));
    }

    private static String names(List<ClassView.Person> people) {
        return people.isEmpty() ? "none" : String.join(", ", people.stream().map(ClassView.Person::student).toList());
    }
}
