package wirelab.grading.batch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import wirelab.grading.course.Course;
import wirelab.grading.course.LabBuild;
import wirelab.grading.grade.Grader;
import wirelab.grading.grade.PreparedLab;
import wirelab.grading.intake.ClassExports;
import wirelab.grading.intake.Intake;
import wirelab.grading.late.Deadline;
import wirelab.grading.peers.PeerNeeds;
import wirelab.grading.report.ResultFiles;
import wirelab.grading.result.Points;
import wirelab.grading.result.SubmissionResult;
import wirelab.testkit.Peers;

/**
 * Grades a class: each submission on its own lane (a fresh JVM each, {@code jobs} at a time),
 * skipping those whose inputs did not change since the last run unless forced, then rebuilds
 * the class files (gradebook, report, matrix) from every student in the output folder, so a
 * regrade of one student keeps the rest of the class ({@link ClassFiles}). Results are sorted by
 * student, so the outputs are the same whatever order the lanes finished in.
 */
public final class Batch {

    /**
     * What the batch produced.
     *
     * @param results this batch's submissions (staff adjustments applied); the class is in {@code classFiles}
     */
    public record Outcome(List<SubmissionResult> results, Path report, Path gradebook, int graded, int skipped,
            double seconds, ClassFiles.Summary classFiles) {

        /** What the batch did and where its class files are: printed under the scoreboard. */
        public void printSummary(PrintStream out) {
            out.println();
            out.printf(Locale.ROOT, "%d submission(s): %d graded, %d unchanged and skipped, in %.1f s%n", results.size(),
                    graded, skipped, seconds);
            if (classFiles != null) {
                ClassFiles.print(classFiles, gradebook.toAbsolutePath().getParent(), out);
            }
            out.println("gradebook: " + gradebook.toAbsolutePath());
            out.println("report:    " + report.toAbsolutePath());
        }
    }

    private final PreparedLab lab;
    private final int jobs;
    private final boolean force;
    private final PrintStream out;
    /** The test classes students have: the feedback marks the others hidden. */
    private final Set<String> publicClasses;
    private final Together together;

    /**
     * Several labs graded at once share the cores and one progress line: each submission waits
     * for its lab's share of the cores (see {@link SharedLanes}) and shows as "lab/student".
     */
    public record Together(SharedLanes lanes, Progress progress) {
    }

    public Batch(PreparedLab lab, int jobs, boolean force, PrintStream out) {
        this(lab, jobs, force, out, null);
    }

    /** @param together the cores and progress line shared with other labs graded at once; null when alone */
    public Batch(PreparedLab lab, int jobs, boolean force, PrintStream out, Together together) {
        this.lab = lab;
        this.jobs = Math.max(1, jobs);
        this.force = force;
        this.out = out;
        this.together = together;
        LabBuild build = new LabBuild(lab.lab());
        Set<String> classes = new HashSet<>(build.publicTestClasses());
        if (lab.lab().raceTestsPublic()) {
            classes.addAll(build.raceTestClasses());
        }
        this.publicClasses = Set.copyOf(classes);
    }

    /** Expands the command line: a folder of submissions (zips or folders, no src/ of its own) counts as its children. */
    public static List<Path> expand(List<Path> args) {
        List<Path> out = new ArrayList<>();
        args.forEach(a -> out.addAll(ClassExports.expand(a)));
        return out;
    }

    private SubmissionResult gradeOne(String student, Path input, Path students, String options, Progress progress,
            int[] skipped) {
        Path dir = students.resolve(student);
        String hash = InputHash.of(input, lab.bundle().hash(), options);
        SubmissionResult previous = force ? null : ResultFiles.read(dir);
        if (previous != null && hash.equals(previous.inputHash())) {
            synchronized (skipped) {
                skipped[0]++;
            }
            progress.finished(shown(student), verdict(previous) + " (unchanged, skipped)", true);
            return previous;
        }
        SubmissionResult r;
        try {
            r = new Grader(lab).grade(input, student, hash);
        } catch (RuntimeException ex) {
            // a harness bug must not stop the class: this one is reported, the rest go on
            r = SubmissionResult.refused(Intake.studentOf(input), lab.lab().name(),
                    "the grader failed on this submission: " + ex).score(0, lab.gradableMax())
                    .isolation(lab.sandbox().describe()).build();
        }
        r = rename(r, student);
        ResultFiles.write(r, dir, publicClasses);
        progress.finished(shown(student), verdict(r), false);
        return r;
    }

    private String shown(String student) {
        return together == null ? student : lab.lab().name() + "/" + student;
    }

    public Outcome run(List<Path> inputs, Path outDir) {
        return run(names(inputs), outDir);
    }

    /** Grades each input under its student name (unique, safe as a folder name). */
    public Outcome run(Map<String, Path> byStudent, Path outDir) {
        long start = System.nanoTime();
        Path students = outDir.resolve("students");
        Progress progress = together != null ? together.progress() : new Progress(out, byStudent.size(), Progress.onTerminal());
        if (together == null) {
            progress.started();
        }
        String gradingOptions = lab.options().race() ? "race" : "junit";
        PeerNeeds.Missing missing = lab.notGradedHere();
        if (!missing.isEmpty()) {
            // checked once for the whole batch: the same tests are left out for everyone
            out.println(lab.lab().name() + ": NOT GRADED on this machine (left out of the maximum for every submission): "
                    + String.join(", ", missing.shortIds()) + " — " + Peers.describeMissing(missing.programs()));
            // a re-run on a machine that has them grades them: the unchanged-input skip must not keep these results
            gradingOptions += " not-graded:" + String.join(",", missing.shortIds());
        }
        String options = gradingOptions;
        ExecutorService lanes = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "grading-lane");
            t.setDaemon(true);
            return t;
        });
        List<Future<SubmissionResult>> futures = new ArrayList<>();
        int[] skipped = {0};
        // the test-JVM budget the lanes leave unused, and each lane once it has nothing left, go
        // to the submissions still running (see SpareJvms)
        int ownLanes = together == null ? jobs : together.lanes().lanesFor(lab);
        lab.spareJvms().startBatch(lab.jvmBudget() - Math.min(ownLanes, byStudent.size()));
        lab.spareJvms().lendWhenIdle(together == null ? null : together.lanes().idle());
        AtomicInteger notStarted = new AtomicInteger(byStudent.size());
        for (Map.Entry<String, Path> e : byStudent.entrySet()) {
            String student = e.getKey();
            Path input = e.getValue();
            futures.add(lanes.submit(() -> {
                SharedLanes.Held held = together == null ? null : together.lanes().take(lab, notStarted.get());
                notStarted.decrementAndGet();
                try {
                    return gradeOne(student, input, students, options, progress, skipped);
                } finally {
                    if (held != null) {
                        together.lanes().release(held);
                    }
                    if (notStarted.get() == 0) {
                        lab.spareJvms().add(1);
                    }
                }
            }));
        }
        List<SubmissionResult> results = new ArrayList<>();
        for (Future<SubmissionResult> f : futures) {
            try {
                results.add(f.get());
            } catch (Exception e) {
                throw new IllegalStateException("a grading lane failed: " + e, e);
            }
        }
        lanes.shutdown();
        results.sort(Comparator.comparing(SubmissionResult::student));
        ClassFiles.Summary classFiles = ClassFiles.rebuild(outDir, new ClassFiles.Context(lab.lab().name(),
                lab.sandbox().describe(), publicClasses, deadline()));
        // this batch's results as the class files left them (with the staff's adjustments)
        List<SubmissionResult> adjusted = results.stream()
                .map(r -> classFiles.result(r.student()).orElse(r)).toList();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(adjusted, classFiles.report(), classFiles.gradebook(), results.size() - skipped[0], skipped[0],
                seconds, classFiles);
    }

    /** The lab's deadline and late policy, when a week's descriptor gives them (the report lists late submissions). */
    private Deadline deadline() {
        try {
            return Deadline.of(Course.locate(), lab.lab()).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The test classes students have, for feedback that marks the others [hidden]. */
    public Set<String> publicClasses() {
        return publicClasses;
    }

    private static SubmissionResult rename(SubmissionResult r, String student) {
        if (r.student().equals(student)) {
            return r;
        }
        return r.toBuilder().student(student).build();
    }

    static String verdict(SubmissionResult r) {
        if (r.refusal() != null) {
            return "REFUSED: " + r.refusal();
        }
        return Points.of(r.score()) + "/" + Points.of(r.max());
    }

    /** Student names from input names, made unique (alice, alice-2) and safe as folder names. */
    public static Map<String, Path> names(List<Path> inputs) {
        Map<String, Path> out = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (Path in : inputs) {
            String base = Intake.studentOf(in).replaceAll("[^A-Za-z0-9._@-]", "_");
            if (base.isEmpty() || base.startsWith(".")) {
                base = "_" + base;
            }
            String name = base;
            for (int i = 2; !used.add(name); i++) {
                name = base + "-" + i;
            }
            out.put(name, in);
        }
        return out;
    }
}
