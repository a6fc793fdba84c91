package wirelab.grading.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import wirelab.grading.compile.JavaCompile;
import wirelab.grading.compile.SubmissionCompiler;
import wirelab.grading.files.Folders;
import wirelab.grading.intake.Intake;
import wirelab.grading.intake.Submission;
import wirelab.grading.overlay.Overlay;
import wirelab.grading.race.JcstressRun;
import wirelab.grading.result.Points;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;
import wirelab.grading.run.RunOutcome;
import wirelab.grading.run.TestJvmSpec;
import wirelab.grading.run.TestResult;
import wirelab.grading.sandbox.Isolation;
import wirelab.grading.sandbox.Perms;

/**
 * Grades one submission, stage by stage: intake → overlay → compile → run the tests in fresh,
 * isolated JVMs ({@link ShardedRun}) → (race tests) → score against the plan. Never throws for
 * anything a student did: every problem becomes a verdict on the tests it touched.
 */
public final class Grader {

    private final PreparedLab lab;

    public Grader(PreparedLab lab) {
        this.lab = lab;
    }

    public SubmissionResult grade(Path input, String inputHash) {
        return grade(input, Intake.studentOf(input), inputHash);
    }

    /** @param student the name results go under (unique within the batch) */
    public SubmissionResult grade(Path input, String student, String inputHash) {
        long start = System.nanoTime();
        Path scratch = lab.scratchRoot().resolve(safe(student));
        Folders.delete(scratch);
        // a sandbox uid enters this folder to reach its own work folder, and nothing else in it (see closeSetup)
        Perms.dir(scratch, "rwx--x--x");
        try {
            return gradeIn(input, student, inputHash, scratch, start);
        } finally {
            if (System.getenv("WIRELAB_KEEP") == null) {
                Folders.delete(scratch);
            }
        }
    }

    /** The stages, in order; each adds what it noticed to {@code notes}. */
    private SubmissionResult gradeIn(Path input, String student, String inputHash, Path scratch, long start) {
        Submission sub = new Intake(lab.lab().name()).open(input, scratch.resolve("intake"));
        List<String> notes = new ArrayList<>(sub.notes());
        if (sub.refused() != null) {
            return refused(student, sub.refused(), notes, inputHash, start);
        }
        Overlay.Result overlay = overlay(sub, scratch, notes);
        SubmissionCompiler.Result compiled = SubmissionCompiler.compile(overlay.sourceRoot(), overlay.sources(),
                lab.bundle().libraries(), scratch.resolve("classes"));
        closeSetup(scratch);
        Map<String, String> fingerprints = compiled.clean() && compiled.leftOut().isEmpty()
                ? lab.testInputs().map(t -> t.fingerprints(compiled.classes(), lab.bundle().testClassNames())).orElse(Map.of())
                : Map.of();
        Map<String, List<TestResult>> known = lab.reused().known(fingerprints);
        ShardedRun.Result tests = run(student, compiled, scratch, System.nanoTime() - start, notes, known.keySet());
        List<String> ran = fingerprints.keySet().stream().filter(c -> !known.containsKey(c)).toList();
        lab.reused().keep(fingerprints, ran, tests.outcome(), !tests.oom() && tests.unloadable().isEmpty());
        if (!known.isEmpty()) {
            tests = tests.with(known.values().stream().flatMap(List::stream).toList());
            notes.add("reused: " + known.values().stream().mapToInt(List::size).sum() + " test(s) of " + known.size()
                    + " test class(es) did not run again: the same tests over the same bytes of every class of yours"
                    + " they use were graded earlier in this run, and got these results: "
                    + String.join(", ", known.keySet()));
        }
        List<TestVerdict> verdicts = score(tests.outcome(), compiled, tests.oom(), tests.unloadable());
        int jvms = tests.outcome().jvms();
        if (lab.options().race() && lab.raceTests() != null && !lab.raceTests().tests().isEmpty()) {
            verdicts.addAll(raceTests(compiled, scratch, notes));
            jvms++;
        }
        return graded(student, overlay, compiled, verdicts, notes, inputHash, jvms, start);
    }

    /** Intake refused the submission: every graded test is "not compiled" (or not graded here), nothing ran. */
    private SubmissionResult refused(String student, String reason, List<String> notes, String inputHash, long start) {
        List<TestVerdict> none = new ArrayList<>();
        for (Baseline.Planned p : lab.baseline().tests()) {
            if (p.graded()) {
                none.add(lab.notGradedHere().affects(p.id()) ? notGradedHere(p)
                        : verdict(p, "not-compiled", "not graded: " + reason, null, null, 0));
            }
        }
        notGradedNote(none).ifPresent(notes::add);
        return SubmissionResult.refused(student, lab.lab().name(), reason).score(0, lab.gradableMax())
                .tests(none).notes(notes).isolation(lab.sandbox().describe()).inputHash(inputHash)
                .seconds(seconds(start)).build();
    }

    /** The lab's main sources of the submission over the course's tests; what was ignored or edited is noted. */
    private Overlay.Result overlay(Submission sub, Path scratch, List<String> notes) {
        Overlay.Result overlay = new Overlay(lab.lab().name(), lab.publishedFiles()).apply(sub.labRoot(),
                scratch.resolve("src"));
        overlay.ignored().forEach(i -> notes.add("ignored " + i));
        if (!overlay.editedTests().isEmpty()) {
            notes.add("the submission changed the course's tests (graded with the course's own tests):");
            overlay.editedTests().forEach(e -> notes.add("  " + e));
        }
        return overlay;
    }

    /** The tests in fresh test JVMs; what went wrong with the JVMs themselves is noted. */
    private ShardedRun.Result run(String student, SubmissionCompiler.Result compiled, Path scratch, long setupNanos,
            List<String> notes, java.util.Set<String> known) {
        ShardedRun.Result tests = new ShardedRun(lab).run(student, compiled, scratch, setupNanos, known);
        tests.outcome().problems().forEach(p -> notes.add("run: " + p));
        if (tests.oom()) {
            notes.add("run: the test JVM hit the memory limit (" + Isolation.MEMORY_BYTES / (1024 * 1024)
                    + " MiB) and was killed by the kernel");
        }
        return tests;
    }

    /** The lab's jcstress tests in one run, as verdicts of the "race tests" group. */
    private List<TestVerdict> raceTests(SubmissionCompiler.Result compiled, Path scratch, List<String> notes) {
        List<Path> cp = new ArrayList<>(List.of(lab.bundle().race()));
        cp.addAll(TestJvmCommand.classpath(lab.bundle(), compiled.classes()));
        Path raceDir = scratch.resolve("race");
        JcstressRun.Report report = JcstressRun.run(lab.javaHome(), cp, raceDir, lab.options().raceBudget(), lab.sandbox());
        lab.sandbox().release(new TestJvmSpec(lab.javaHome(), cp, List.of(), lab.options().raceBudget(),
                lab.options().raceBudget(), 256, raceDir, 1 << 20));
        report.leftBehind().forEach(p -> notes.add("race tests: " + p));
        List<TestVerdict> out = new ArrayList<>();
        for (TestResult r : lab.raceTests().results(report)) {
            if (r.graded()) {
                out.add(new TestVerdict(r.id(), r.name(), "race tests", "race", r.earned(), r.points(),
                        r.status(), r.message(), r.output(), null, report.millis() / 1000.0 / lab.raceTests().tests().size()));
            }
        }
        return out;
    }

    /** The result of a graded submission: the verdicts' sum out of what this machine could grade. */
    private SubmissionResult graded(String student, Overlay.Result overlay, SubmissionCompiler.Result compiled,
            List<TestVerdict> verdicts, List<String> notes, String inputHash, int jvms, long start) {
        double score = verdicts.stream().mapToDouble(TestVerdict::score).sum();
        // a test this machine cannot grade is out of the maximum, for every submission of the batch
        double max = verdicts.stream().filter(v -> !v.notGraded()).mapToDouble(TestVerdict::max).sum();
        notGradedNote(verdicts).ifPresent(notes::add);
        List<String> compileMessages = compiled.problems().stream()
                .filter(p -> p.kind().equals("error")).map(JavaCompile.Problem::toString).toList();
        List<String> leftOut = compiled.leftOut().stream().map(f -> "src/main/java/" + f).toList();
        if (overlay.sources().isEmpty()) {
            notes.add("no Java sources of package wirelab." + lab.lab().name() + " in the submission");
        }
        return SubmissionResult.graded(student, lab.lab().name()).score(round(score), round(max)).tests(verdicts)
                .compile(compileMessages).leftOut(leftOut).editedTests(overlay.editedTests()).notes(notes)
                .isolation(lab.sandbox().describe()).inputHash(inputHash).jvms(jvms).seconds(seconds(start)).build();
    }

    /**
     * The submission as handed in, its sources and its classes, closed to every other user: test
     * JVMs of other submissions, running as other sandbox uids, must not read them (a test JVM gets
     * its own copy of the classes).
     */
    private static void closeSetup(Path scratch) {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(scratch)) {
            s.filter(p -> java.nio.file.Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> Perms.set(p, "rwx------"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot close " + scratch, e);
        }
    }

    /** Every graded test of the plan gets a verdict; link errors and never-loaded tests are "not compiled". */
    private List<TestVerdict> score(RunOutcome run, SubmissionCompiler.Result compiled, boolean oom,
            Map<String, String> unloadable) {
        Map<String, TestResult> byId = new HashMap<>();
        if (run != null) {
            run.results().forEach(r -> byId.putIfAbsent(r.id(), r));
        }
        List<TestVerdict> out = new ArrayList<>();
        for (Baseline.Planned p : lab.baseline().tests()) {
            if (!p.graded()) {
                continue;
            }
            if (lab.notGradedHere().affects(p.id())) {
                out.add(notGradedHere(p));
                continue;
            }
            TestResult r = byId.get(p.id());
            if (r == null && unloadable.containsKey(p.className())) {
                String why = unloadable.get(p.className());
                out.add(verdict(p, "not-compiled", "this test's class could not be loaded against your code: "
                        + why + leftOutHint(why, compiled), null, null, 0));
                continue;
            }
            if (r == null) {
                String why = !compiled.clean() || compiled.sources() == 0
                        ? "this test could not run: the classes it needs are missing"
                        : "this test never ran: " + (run.problems().isEmpty() ? "its test class could not start"
                                : String.join("; ", run.problems()));
                out.add(verdict(p, compiled.clean() ? "crashed" : "not-compiled", why, null, null, 0));
                continue;
            }
            String status = r.status();
            String message = r.message();
            String missing = LinkErrors.missing(r);
            if (!r.passed() && missing != null) {
                status = "not-compiled";
                message = "this test needs " + missing + ", which your code does not have" + leftOutHint(missing, compiled);
            } else if ("crashed".equals(status) && oom) {
                message = "the JVM ran out of its memory limit during this test and was killed; " + message;
            } else if (message != null && message.contains("Could not initialize class")) {
                message = "the class's static initialiser failed in an earlier test, so it cannot be used here: "
                        + message;
            } else if ("skipped".equals(status)) {
                status = "failed";
            }
            out.add(verdict(p, status, message, r.output(), r.threads(), r.millis() / 1000.0));
        }
        return out;
    }

    /** A test whose peer program this machine lacks: neither passed nor failed, and out of the maximum. */
    private TestVerdict notGradedHere(Baseline.Planned p) {
        return new TestVerdict(p.id(), p.name(), p.group(), "junit", 0, p.points(), TestVerdict.NOT_GRADED,
                "not graded on this machine: " + lab.notGradedHere().reason(p.id()) + "; its "
                        + Points.of(p.points())
                        + " point(s) are left out of the maximum for every submission of this batch, and a re-run"
                        + " on a machine that has it grades it", null, null, 0);
    }

    /** The note feedback, result.json and Gradescope show: which tests, how many points, what to install. */
    private java.util.Optional<String> notGradedNote(List<TestVerdict> verdicts) {
        return NotGraded.note(verdicts, lab.notGradedHere().installCommand());
    }

    /** " (Foo.java did not compile: ...)" when the missing thing lives in a file that was left out. */
    private static String leftOutHint(String missing, SubmissionCompiler.Result compiled) {
        for (String file : compiled.leftOut()) {
            String cls = file.replace(".java", "");
            if (missing != null && (missing.contains(cls) || missing.contains(cls.replace('/', '.')))) {
                return " (" + file + " did not compile, see the compiler errors, so it was left out)";
            }
        }
        return "";
    }

    private static TestVerdict verdict(Baseline.Planned p, String status, String message, String output, String threads,
            double seconds) {
        boolean passed = "passed".equals(status);
        return new TestVerdict(p.id(), p.name(), p.group(), "junit", passed ? p.points() : 0, p.points(), status,
                message, output, threads, seconds);
    }

    static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }

    private static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
