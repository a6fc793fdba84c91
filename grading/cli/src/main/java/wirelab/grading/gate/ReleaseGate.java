package wirelab.grading.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.course.LabBuild;
import wirelab.grading.course.Maven;
import wirelab.grading.files.Folders;
import wirelab.grading.peers.PeerNeeds;
import wirelab.grading.race.JcstressRun;
import wirelab.grading.race.RaceTests;
import wirelab.grading.run.RunOutcome;
import wirelab.grading.run.Sandbox;
import wirelab.grading.run.TestJvm;
import wirelab.grading.run.TestJvmSpec;
import wirelab.grading.run.TestResult;

/**
 * The release gate for one lab: every clause of its contract names tests that exist, the
 * solution passes every test (public, hidden, race), every graded test fails on the starter (one
 * that passes measures nothing), and nothing leaks into labs/. Tests run from Maven's compiled classes in forked JVMs, exactly as the grader runs them.
 */
public final class ReleaseGate {

    private static final int STARTER_RETRIES = 2;

    private final Path javaHome;
    private final int repeat;
    private final boolean races;
    private final Consumer<String> progress;
    private final boolean strict;

    public ReleaseGate(Path javaHome, int repeat, boolean races, Consumer<String> progress) {
        this(javaHome, repeat, races, progress, strictByDefault());
    }

    /**
     * @param strict a test this machine cannot run (a peer program missing) fails the gate; otherwise
     *               the gate passes with a warning naming it. CI ({@code CI=true}) is strict.
     */
    public ReleaseGate(Path javaHome, int repeat, boolean races, Consumer<String> progress, boolean strict) {
        this.javaHome = javaHome;
        this.repeat = repeat;
        this.races = races;
        this.progress = progress;
        this.strict = strict;
    }

    /** CI proves every test: {@code CI=true} (or {@code WIRELAB_REQUIRE_TOOLS=1}) makes a missing peer a breach. */
    public static boolean strictByDefault() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "1".equals(System.getenv("WIRELAB_REQUIRE_TOOLS"));
    }

    /** Compiles the given labs' solutions and starters (with their tests) through the Maven wrapper, before they are checked. */
    public static void compile(Course course, List<Lab> labs) {
        List<String> modules = new ArrayList<>();
        labs.forEach(l -> {
            modules.add("solutions/" + l.name());
            modules.add("labs/" + l.name());
        });
        if (Maven.processTestClasses(course, modules, true) != 0) {
            throw new IllegalStateException("the build failed: fix it first (./mvnw process-test-classes -am -pl "
                    + String.join(",", modules) + " shows why)");
        }
    }

    public LabVerdict check(Lab lab) {
        LabVerdict v = new LabVerdict(lab.name());
        // the contract needs no build: read from the sources, said even when the rest cannot run
        v.contract(ContractCheck.of(lab));
        v.contract().problems().forEach(p -> v.breach("contract: " + p));
        LabBuild build = new LabBuild(lab);
        if (!build.isBuilt() || !Files.isDirectory(build.starterClasses())) {
            v.breach("not built: run ./mvnw process-test-classes (or ./wirelab check without --no-build)");
            return v;
        }
        Gating g = new Gating(lab, build, v, scratch(lab), uncheckable(build, v),
                Duration.ofSeconds(Long.parseLong(lab.properties().getProperty("test.timeout", "30"))),
                new TestJvm(Sandbox.PLAIN));
        List<String> selectors = new ArrayList<>();
        for (String cls : concat(build.publicTestClasses(), build.hiddenTestClasses())) {
            selectors.add("--class");
            selectors.add(cls);
        }
        if (!selectors.isEmpty()) {
            solutionPassesEveryTest(g, selectors);
            starterFailsEveryGradedTest(g, selectors);
            if (v.solution().stream().noneMatch(TestResult::graded)) {
                v.breach("no graded test (@Points) at all");
            }
        }
        if (races && !build.raceTestClasses().isEmpty()) {
            raceTests(g);
        }
        v.leaks().addAll(LeakScan.scan(lab));
        v.leaks().forEach(l -> v.breach("leak: " + l));
        return v;
    }

    /** What one lab's check works with: its build, its verdict so far, its scratch folder, the tests it cannot run here. */
    private record Gating(Lab lab, LabBuild build, LabVerdict v, Path scratch, PeerNeeds.Missing missing,
            Duration perTest, TestJvm jvm) {
    }

    /** Tests whose peer program ({@code @Needs}) this machine lacks cannot be checked here: said, not failed (unless strict). */
    private PeerNeeds.Missing uncheckable(LabBuild build, LabVerdict v) {
        PeerNeeds.Missing missing = PeerNeeds.read(concat(List.of(build.solutionClasses(), build.testClasses()),
                build.testLibraries()), concat(build.publicTestClasses(), build.hiddenTestClasses())).missingHere();
        missing.tests().keySet().stream().sorted().forEach(id -> {
            String line = PeerNeeds.Missing.shortId(id) + ": " + missing.reason(id);
            v.unchecked().add(line);
            if (strict) {
                v.breach("cannot check " + line + " (strict: CI=true or --strict)");
            }
        });
        return missing;
    }

    /** Every public and hidden test on the solution, {@code repeat} times: any failure in any round is a breach. */
    private void solutionPassesEveryTest(Gating g, List<String> selectors) {
        String lab = g.lab().name();
        for (int round = 1; round <= repeat; round++) {
            progress.accept(lab + ": solution, all tests" + (repeat > 1 ? " (round " + round + "/" + repeat + ")" : ""));
            RunOutcome sol = g.jvm().run(spec(g.build().solutionClasses(), g.build(), selectors, g.perTest(),
                    g.scratch().resolve("solution-" + round)));
            if (round == 1) {
                g.v().solution().addAll(sol.results());
            }
            sol.problems().forEach(p -> g.v().breach("solution: " + p));
            for (TestResult r : sol.results()) {
                if (!r.passed() && !g.missing().affects(r.id())) {
                    g.v().breach("solution fails " + r.id() + (repeat > 1 ? " in round " + round : "")
                            + ": " + firstLine(r.message()) + " [" + r.status() + "]");
                }
            }
        }
    }

    /**
     * Every test on the starter: a graded one that passes measures nothing. A race or stress test
     * catches a racy starter with high probability, not always: one that passed gets two more fresh
     * runs, and only a test that never fails is a breach.
     */
    private void starterFailsEveryGradedTest(Gating g, List<String> selectors) {
        String lab = g.lab().name();
        progress.accept(lab + ": starter, graded tests");
        RunOutcome st = g.jvm().run(spec(g.build().starterClasses(), g.build(), selectors, g.perTest(),
                g.scratch().resolve("starter")));
        g.v().starter().addAll(st.results());
        List<String> passing = st.results().stream().filter(r -> r.graded() && r.passed()).map(TestResult::id)
                .filter(id -> !g.missing().affects(id)).toList();
        for (int retry = 1; retry <= STARTER_RETRIES && !passing.isEmpty(); retry++) {
            progress.accept(lab + ": starter, re-running " + passing.size() + " graded test(s) that passed");
            List<String> again = new ArrayList<>();
            passing.forEach(id -> {
                again.add("--method");
                again.add(id);
            });
            RunOutcome rerun = g.jvm().run(spec(g.build().starterClasses(), g.build(), again, g.perTest(),
                    g.scratch().resolve("starter-retry-" + retry)));
            if (rerun.results().isEmpty()) {
                break; // could not re-select them (e.g. parameterized): the first verdict stands
            }
            List<String> stillPassing = passing;
            passing = rerun.results().stream().filter(r -> r.graded() && r.passed()).map(TestResult::id)
                    .filter(stillPassing::contains).distinct().toList();
        }
        for (String id : passing) {
            g.v().breach("passes on the starter (" + (1 + STARTER_RETRIES) + " runs of " + (1 + STARTER_RETRIES)
                    + "), so it measures nothing: " + id);
        }
    }

    /**
     * The jcstress tests: all pass on the solution (the build's own run stands for it when it passed
     * them all), and each graded one catches the starter in one of two runs.
     */
    private void raceTests(Gating g) {
        String lab = g.lab().name();
        LabBuild build = g.build();
        LabVerdict v = g.v();
        List<Path> cp = concat(List.of(build.testClasses()), build.testLibraries());
        RaceTests tests = RaceTests.load(build.raceTestClasses(), concat(List.of(build.solutionClasses()), cp));
        // jcstress spends its first ~30 s (more on a busy machine) checking the VM before any test runs
        Duration wall = Duration.ofSeconds(120L + 20L * tests.tests().size());
        List<String> raceIds = tests.tests().stream().map(RaceTests.RaceTest::className).toList();
        java.util.Optional<Path> built = BuildRaceRun.passedAll(build, raceIds);
        if (built.isPresent()) {
            progress.accept(lab + ": race tests on the solution: all " + raceIds.size()
                    + " passed in the build's own jcstress run (" + built.get() + ")");
            tests.tests().forEach(t -> v.raceSolution().add(new TestResult(t.className(), t.name(), t.points(),
                    t.points() > 0, "passed", "passed in the build's jcstress run", null, null, null, null, null, 0)));
        } else {
            progress.accept(lab + ": race tests on the solution (" + tests.tests().size() + " jcstress tests)");
            v.raceSolution().addAll(tests.results(JcstressRun.run(javaHome, concat(List.of(build.solutionClasses()), cp),
                    g.scratch().resolve("race-solution"), wall, Sandbox.PLAIN)));
        }
        v.raceSolution().stream().filter(r -> !r.passed())
                .forEach(r -> v.breach("solution fails race test " + r.id() + ": " + r.message()));
        progress.accept(lab + ": race tests on the starter");
        v.raceStarter().addAll(tests.results(JcstressRun.run(javaHome, concat(List.of(build.starterClasses()), cp),
                g.scratch().resolve("race-starter"), wall, Sandbox.PLAIN)));
        List<String> passedOnStarter = v.raceStarter().stream().filter(r -> r.graded() && r.passed())
                .map(TestResult::id).toList();
        if (!passedOnStarter.isEmpty()) {
            // only those that passed run again: the others' verdict is in
            progress.accept(lab + ": race tests on the starter, once more: the " + passedOnStarter.size()
                    + " graded one(s) that passed");
            List<TestResult> again = tests.results(JcstressRun.run(javaHome, concat(List.of(build.starterClasses()), cp),
                    g.scratch().resolve("race-starter-2"), wall, Sandbox.PLAIN, passedOnStarter));
            List<String> caughtNow = again.stream().filter(r -> passedOnStarter.contains(r.id()) && !r.passed())
                    .map(TestResult::id).toList();
            v.raceStarter().replaceAll(r -> r.passed() && caughtNow.contains(r.id())
                    ? again.stream().filter(a -> a.id().equals(r.id())).findFirst().orElse(r) : r);
        }
        v.raceStarter().stream().filter(r -> r.graded() && r.passed())
                .forEach(r -> v.breach("race test passes on the starter (2 runs of 2), so it measures nothing: " + r.id()));
    }

    private TestJvmSpec spec(Path mainClasses, LabBuild build, List<String> selectors, Duration perTest, Path work) {
        List<Path> cp = new ArrayList<>();
        cp.add(mainClasses);
        cp.add(build.testClasses());
        cp.addAll(build.testLibraries());
        cp.addAll(runnerClasspath());
        return new TestJvmSpec(javaHome, cp, selectors, perTest, Duration.ofMinutes(15), 512, work, 8L << 20);
    }

    /** The runner and its libraries: the jars this tool itself was started with. */
    static List<Path> runnerClasspath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList();
    }

    private static Path scratch(Lab lab) {
        Path dir = lab.solutionDir().resolve("target/wirelab-check");
        try {
            Folders.delete(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
