package wirelab.grading.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import wirelab.grading.batch.Batch;
import wirelab.grading.batch.GradingSession;
import wirelab.grading.batch.Progress;
import wirelab.grading.batch.SharedLanes;
import wirelab.grading.compile.LabBundle;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.grade.GradeOptions;
import wirelab.grading.grade.IdleCores;
import wirelab.grading.grade.PreparedLab;
import wirelab.grading.result.Points;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.run.Sandbox;

/**
 * {@code ./wirelab demo}: grades every sample submission of every lab (the reference, the
 * untouched starter, the typical mistakes and the hostile ones in {@code grading/samples/}) exactly
 * as a TA's class would be graded, and prints one scoreboard with what each sample was expected to get.
 */
public final class Demo {

    /**
     * One lab's demo: the batch outcome, the samples by student name, the sandbox they ran in, and
     * what escaped it (course text in a result file, a file or process left behind) where it claims to confine that.
     */
    public record LabRun(Lab lab, Batch.Outcome outcome, Map<String, Sample> samples, Sandbox sandbox, List<String> escapes) {

        /** Why this sample missed its expectation; empty when it met it or nothing is expected of it here. */
        Optional<String> miss(SubmissionResult r) {
            Sample s = samples.get(r.student());
            return s == null ? Optional.empty() : s.checkUnder(sandbox).flatMap(x -> x.missedBy(r));
        }
    }

    private final Course course;
    private final Sandbox sandbox;
    private final PrintStream out;
    private final java.util.Set<String> only;

    public Demo(Course course, Sandbox sandbox, PrintStream out) {
        this(course, sandbox, out, List.of());
    }

    /** @param only the samples to grade, by name or a name with * (empty: all of them) */
    public Demo(Course course, Sandbox sandbox, PrintStream out, List<String> only) {
        this.course = course;
        this.sandbox = sandbox;
        this.out = out;
        this.only = java.util.Set.copyOf(only);
    }

    /** Samples of a lab: reference and starter first (made up when absent), then the folders by name. */
    public List<Sample> samples(Lab lab) {
        Path dir = course.root().resolve("grading/samples").resolve(lab.name());
        Map<String, Sample> found = new LinkedHashMap<>();
        found.put("reference", new Sample(lab.name(), "reference", "solution", "the reference solution",
                "full marks", Expectation.FULL_MARKS, null));
        found.put("starter", new Sample(lab.name(), "starter", "starter", "the untouched starter",
                "fails every graded test", Expectation.STARTER, null));
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(Files::isDirectory).sorted().forEach(d -> found.put(d.getFileName().toString(), Sample.load(lab.name(), d)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * Grades the samples of every lab, the labs together: one Maven run compiles them, each is
     * prepared (bundle, plan, class-data archive) on its own thread, and their submissions share
     * the cores ({@link SharedLanes}) as soon as their lab is ready, so no core waits for the
     * slowest sample of one lab before the next lab starts.
     *
     * @param cores the cores the grading may use
     */
    public List<LabRun> run(List<Lab> labs, Path outRoot, int cores, boolean force, GradeOptions options) {
        List<Lab> withTests = new ArrayList<>();
        for (Lab lab : labs) {
            if (!Files.isDirectory(lab.publicTests()) && !Files.isDirectory(lab.hiddenTests())) {
                out.println("== " + lab.name() + ": no tests yet, skipped");
            } else {
                withTests.add(lab);
            }
        }
        LabBundle.writeClasspaths(course, withTests);
        int total = withTests.stream().mapToInt(l -> (int) samples(l).stream().filter(this::chosen).count()).sum();
        Progress progress = new Progress(out, total, Progress.onTerminal());
        progress.started();
        Batch.Together together = new Batch.Together(new SharedLanes(cores, IdleCores.ofMachine(4 * cores)), progress);
        ExecutorService perLab = Executors.newFixedThreadPool(Math.max(1, withTests.size()), r -> {
            Thread t = new Thread(r, "demo-lab");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Optional<LabRun>>> running = new ArrayList<>();
            for (Lab lab : withTests) {
                running.add(perLab.submit(() -> runLab(lab, outRoot, force, options, together)));
            }
            List<LabRun> runs = new ArrayList<>();
            for (Future<Optional<LabRun>> f : running) {
                try {
                    f.get().ifPresent(runs::add);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
            return runs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            perLab.shutdownNow();
        }
    }

    private boolean chosen(Sample s) {
        return only.isEmpty() || only.stream().anyMatch(o -> s.name().matches(o.replace("*", ".*")));
    }

    /** One lab: prepare it, write its samples as submissions, grade them on the shared cores. */
    private Optional<LabRun> runLab(Lab lab, Path outRoot, boolean force, GradeOptions options, Batch.Together together) {
        GradingSession session;
        try {
            session = GradingSession.open(course, lab, options, sandbox, 0, s -> out.println("wirelab: " + lab.name() + ": " + s));
        } catch (RuntimeException e) {
            out.println("== " + lab.name() + ": cannot grade it yet: " + e.getMessage());
            return Optional.empty();
        }
        PreparedLab prepared = session.lab();
        if (prepared.baseline().tests().isEmpty()) {
            out.println("== " + lab.name() + ": no graded tests yet, skipped");
            return Optional.empty();
        }
        Path subs = outRoot.resolve("submissions").resolve(lab.name());
        Map<String, Sample> byName = new LinkedHashMap<>();
        List<Path> inputs = new ArrayList<>();
        double max = prepared.gradableMax();
        // those expected to lose most first: their failing tests wait out their own bounds, and
        // started last they would set the demo's end
        List<Sample> order = samples(lab).stream().filter(this::chosen)
                .sorted(java.util.Comparator.comparingDouble((Sample s) -> s.check().mostLost(max)).reversed()).toList();
        for (Sample s : order) {
            inputs.add(SampleBuilder.build(s, lab, prepared.publishedFiles(), subs));
            byName.put(s.name(), s);
        }
        Batch.Outcome o = grade(session, inputs, outRoot.resolve(lab.name()), force, together);
        List<String> escapes = new ArrayList<>();
        if (sandbox.confines(wirelab.grading.run.Threat.READ)) {
            escapes.addAll(Escapes.courseText(lab, prepared.publishedFiles(), outRoot.resolve(lab.name())));
        }
        escapes.addAll(Escapes.leftFiles(byName.values(), sandbox));
        escapes.addAll(sandbox.leftovers());
        return Optional.of(new LabRun(lab, o, byName, sandbox, escapes));
    }

    /**
     * The lab's samples on the shared cores. When results may be reused, the reference goes
     * first: most samples differ from it in one class or two, and every test class that runs none
     * of the changed bytes then takes the reference's results (see the grader's ReusedResults).
     */
    private Batch.Outcome grade(GradingSession session, List<Path> inputs, Path outDir, boolean force,
            Batch.Together together) {
        Optional<Path> reference = inputs.stream().filter(p -> p.getFileName().toString().equals("reference")).findFirst();
        if (!session.lab().options().reuse() || reference.isEmpty() || inputs.size() == 1) {
            return session.grade(inputs, outDir, force, out, together);
        }
        List<Path> rest = inputs.stream().filter(p -> !p.equals(reference.get())).toList();
        Batch.Outcome first = session.grade(List.of(reference.get()), outDir, force, out, together);
        Batch.Outcome then = session.grade(rest, outDir, force, out, together);
        List<SubmissionResult> all = new ArrayList<>(first.results());
        all.addAll(then.results());
        all.sort(java.util.Comparator.comparing(SubmissionResult::student));
        return new Batch.Outcome(all, then.report(), then.gradebook(), first.graded() + then.graded(),
                first.skipped() + then.skipped(), first.seconds() + then.seconds(), then.classFiles());
    }

    /** The scoreboard: per lab, each sample's score and verdict next to what it should get. */
    public static void print(List<LabRun> runs, String isolation, PrintStream out) {
        out.println();
        out.println("isolation: " + isolation);
        for (LabRun run : runs) {
            out.println();
            out.printf(Locale.ROOT, "lab %s%n", run.lab().name());
            out.printf(Locale.ROOT, "  %-26s %9s  %-62s %s%n", "sample", "score", "verdict", "expected");
            for (SubmissionResult r : run.outcome().results()) {
                Sample s = run.samples().get(r.student());
                Optional<Expectation> expected = s == null ? Optional.empty() : s.checkUnder(run.sandbox());
                String check = s == null ? ""
                        : expected.isEmpty() ? "not checked: " + s.threat().word() + " is not confined here (./wirelab doctor)"
                        : run.miss(r).map(m -> "MISSED: " + m).orElse("ok: " + expected.get().describe()
                                + (s.confinedBy(run.sandbox()) ? "" : " (" + s.threat().word() + " not confined here)"));
                out.printf(Locale.ROOT, "  %-26s %9s  %-62s %s%n", r.student(),
                        Points.of(r.score()) + "/" + Points.of(r.max()), cut(Verdicts.of(r), 62), check);
            }
            if (!run.sandbox().confines(wirelab.grading.run.Threat.READ)) {
                out.println("  not checked: whether course text reached a result file (reads are not confined here)");
            }
            run.escapes().forEach(e -> out.println("  ESCAPED: " + e));
            out.println("  report: " + run.outcome().report().toAbsolutePath());
        }
    }

    /**
     * "dispatcher: CurlTest#test01_… (2 pts), … — curl is not installed (apt-get install curl)" for
     * every lab whose tests this machine could not grade; empty when it graded them all.
     */
    public static List<String> notGraded(List<LabRun> runs) {
        List<String> out = new ArrayList<>();
        for (LabRun run : runs) {
            Map<String, wirelab.grading.result.TestVerdict> left = new LinkedHashMap<>();
            run.outcome().results().forEach(r -> r.tests().stream().filter(wirelab.grading.result.TestVerdict::notGraded)
                    .forEach(t -> left.putIfAbsent(t.id(), t)));
            if (!left.isEmpty()) {
                double points = left.values().stream().mapToDouble(wirelab.grading.result.TestVerdict::max).sum();
                List<String> names = left.values().stream().map(t -> wirelab.grading.peers.PeerNeeds.Missing.shortId(t.id())
                        + " (" + Points.of(t.max()) + ")").toList();
                // each message reads "not graded on this machine: curl is not installed (apt-get install curl); its …"
                List<String> why = left.values().stream().map(t -> t.message().replaceFirst("^[^:]*: ", "")
                        .replaceFirst(";.*", "")).distinct().toList();
                out.add(run.lab().name() + ": " + left.size() + " test(s), " + Points.of(points) + " point(s): "
                        + String.join(", ", names) + " — " + String.join("; ", why));
            }
        }
        return out;
    }

    /** "lab/sample: why" for every sample that missed its expectation. */
    public static List<String> misses(List<LabRun> runs) {
        List<String> misses = new ArrayList<>();
        for (LabRun run : runs) {
            for (SubmissionResult r : run.outcome().results()) {
                run.miss(r).ifPresent(m -> misses.add(run.lab().name() + "/" + r.student() + ": " + m
                        + " (" + run.samples().get(r.student()).expect() + ")"));
            }
            run.escapes().forEach(e -> misses.add(run.lab().name() + ": " + e));
        }
        return misses;
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
