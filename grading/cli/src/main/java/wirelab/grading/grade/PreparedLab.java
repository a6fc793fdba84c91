package wirelab.grading.grade;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import wirelab.grading.compile.LabBundle;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.course.LabBuild;
import wirelab.grading.peers.PeerNeeds;
import wirelab.grading.publish.StarterRenderer;
import wirelab.grading.race.RaceTests;
import wirelab.grading.run.RunOutcome;
import wirelab.grading.run.Sandbox;
import wirelab.grading.run.TestJvm;
import wirelab.grading.run.TestJvmSpec;
import wirelab.grading.sandbox.WorkFolders;

/**
 * Everything about one lab that every submission shares, prepared once per grading run: the
 * compiled tests (cached across runs, {@link LabBundle}), the plan learnt from the reference, the
 * published test files (to notice edited tests), the race tests, and the sandbox. The test JVMs'
 * command is {@link TestJvmCommand}'s job, their class-data-sharing archive {@link CdsArchive}'s
 * and the folders it all lives in {@code WorkFolders}'; everything is read through methods.
 */
public final class PreparedLab {

    private final Course course;
    private final Lab lab;
    private final LabBundle bundle;
    private final Baseline baseline;
    private final Map<String, byte[]> publishedFiles;
    private final RaceTests raceTests;
    private final Sandbox sandbox;
    private final Path javaHome;
    private final GradeOptions options;
    private final Path scratchRoot;
    /** The plan's tests as units for the test JVMs, and how many JVMs share them (see {@link Shards}). */
    private final List<Shards.Unit> testUnits;
    private final int shardCount;
    /**
     * The fixed split of {@link #testUnits}: one list per test JVM, decided here once for every
     * submission of the run, so what runs with what never depends on scheduling (see {@link Shards}).
     */
    private final List<List<Shards.Unit>> partitions;
    /** Turns for a submission's extra test JVMs, shared by the batch's lanes (see {@link SpareJvms}). */
    private final SpareJvms spareJvms = new SpareJvms();
    /** The peer programs the tests declare ({@code @Needs}), and which of them this machine lacks (looked up once per batch). */
    private final PeerNeeds peerNeeds;
    private final PeerNeeds.Missing notGradedHere;
    /** What each test class runs of a submission, when results may be reused ({@link GradeOptions#reuse}). */
    private final java.util.Optional<TestInputs> testInputs;
    private final ReusedResults reused;

    private PreparedLab(Course course, Lab lab, LabBundle bundle, Baseline baseline, Map<String, byte[]> publishedFiles,
            RaceTests raceTests, Sandbox sandbox, Path javaHome, GradeOptions options, Path scratchRoot) {
        this.course = course;
        this.lab = lab;
        this.bundle = bundle;
        this.baseline = baseline;
        this.publishedFiles = publishedFiles;
        this.raceTests = raceTests;
        this.sandbox = sandbox;
        this.javaHome = javaHome;
        this.options = options;
        this.scratchRoot = scratchRoot;
        this.testUnits = Shards.units(baseline, bundle.testClassNames());
        this.shardCount = Shards.count(options.shards(), lab.properties().getProperty("grade.shards"),
                baseline.referenceSeconds(), testUnits.size());
        this.partitions = Shards.partition(testUnits, shardCount);
        this.peerNeeds = PeerNeeds.read(TestJvmCommand.classpath(bundle, bundle.reference()), bundle.testClassNames());
        this.notGradedHere = peerNeeds.missingHere(sandbox::canRun);
        // everything but the submission that a test's verdict can depend on
        String fixed = String.join("|", bundle.hash(), options.toString(), String.valueOf(jvmOptions()),
                sandbox.describe(), javaHome.toString(), System.getProperty("java.version"),
                String.valueOf(notGradedHere.shortIds()));
        this.testInputs = options.reuse() ? TestInputs.of(lab.name(), bundle.tests(), fixed) : java.util.Optional.empty();
        this.reused = new ReusedResults(baseline);
    }

    public static PreparedLab prepare(Course course, Lab lab, GradeOptions options, Sandbox sandbox,
            java.util.function.Consumer<String> say) {
        Path javaHome = Path.of(System.getProperty("java.home"));
        boolean explicitTimeout = options.perTest() != null;
        options = options.forLab(lab);
        Path base = WorkFolders.base();
        WorkFolders.removeStale(base);
        LabBundle bundle = LabBundle.prepare(course, lab, WorkFolders.bundles(base), TestJvmCommand.runnerJars());
        bundle.seal();
        Baseline baseline = Baseline.load(bundle.dir().resolve("plan.json"));
        boolean learnt = false;
        Path scratchRoot = WorkFolders.scratch(base, lab.name());
        if (baseline == null) {
            say.accept("learning the test plan of " + lab.name() + " from the reference solution (once)");
            List<String> selectors = new ArrayList<>();
            for (String cls : bundle.testClassNames()) {
                selectors.add("--class");
                selectors.add(cls);
            }
            Path learning = scratchRoot.resolve("reference-plan-" + lab.name());
            // the classes the reference's run loads are what the test JVMs' CDS archive holds (see CdsArchive);
            // it runs with the graded JVMs' flags, so its times are what grading will see
            Path classList = learning.resolve("classes.lst");
            List<String> flags = new ArrayList<>(TestJvmCommand.gradingFlags(lab));
            flags.add("-XX:DumpLoadedClassList=" + classList);
            TestJvmSpec learn = new TestJvmSpec(javaHome, TestJvmCommand.classpath(bundle, bundle.reference()), selectors,
                    explicitTimeout ? options.perTest() : LEARNING_TIMEOUT, Duration.ofMinutes(10), options.heapMb(), learning,
                    options.outputLimit(), flags);
            RunOutcome ref;
            try {
                ref = new TestJvm(sandbox).run(learn);
            } finally {
                sandbox.release(learn);
            }
            CdsArchive.keepClassList(classList, bundle);
            if (ref.results().isEmpty()) {
                throw new IllegalStateException("the reference solution of " + lab.name() + " ran no test: "
                        + ref.problems() + "\n" + ref.outputTail());
            }
            baseline = Baseline.of(ref);
            baseline.save(bundle.dir().resolve("plan.json"));
            learnt = true;
        }
        if (!explicitTimeout) {
            options = options.withPerTest(perTestFor(options.perTest(), baseline));
        }
        if (!Files.isRegularFile(bundle.cdsArchive())) {
            CdsArchive.write(bundle, baseline, javaHome, options, scratchRoot.resolve("cds-dump-" + lab.name()));
            bundle.seal();
            if (!Files.isRegularFile(bundle.cdsArchive())) {
                say.accept("WARNING: no class-data-sharing archive for the test JVMs of " + lab.name()
                        + " (each starts about a second slower)");
            }
        }
        Map<String, byte[]> published = new TreeMap<>(new StarterRenderer(course).render(lab));
        RaceTests race = null;
        if (bundle.hasRaceTests()) {
            List<Path> cp = new ArrayList<>(List.of(bundle.race(), bundle.tests(), bundle.reference()));
            cp.addAll(bundle.libraries());
            race = RaceTests.load(new LabBuild(lab).raceTestClasses(), cp);
        }
        PreparedLab prepared = new PreparedLab(course, lab, bundle, baseline, published, race, sandbox, javaHome, options,
                scratchRoot);
        if (learnt) {
            List<String> failing = baseline.tests().stream().filter(t -> t.graded() && !t.referencePasses())
                    .map(Baseline.Planned::id).filter(id -> !prepared.notGradedHere.affects(id)).toList();
            if (!failing.isEmpty()) {
                say.accept("WARNING: the reference solution fails " + failing + " (run ./wirelab check)");
            }
        }
        return prepared;
    }

    /** The tests this machine cannot grade (a peer program missing), the same for every submission of the batch. */
    public PeerNeeds.Missing notGradedHere() {
        return notGradedHere;
    }

    public PeerNeeds peerNeeds() {
        return peerNeeds;
    }

    /** The most a submission can score here: the plan's graded points less those of the tests not graded here. */
    public double gradableMax() {
        return baseline.tests().stream().filter(Baseline.Planned::graded).filter(t -> !notGradedHere.affects(t.id()))
                .mapToDouble(Baseline.Planned::points).sum();
    }

    /** The per-test limit while learning the plan: long enough for any honest test on a busy machine. */
    static final Duration LEARNING_TIMEOUT = Duration.ofSeconds(180);

    /**
     * The per-test limit for grading: the lab's own (test.timeout, 30 s by default), raised to four
     * times the reference's slowest test so that a busy machine never turns a correct solution's
     * slow test (a Lincheck model check, say) into a timeout; at most three minutes.
     */
    static Duration perTestFor(Duration labTimeout, Baseline baseline) {
        double slowest = baseline.tests().stream().mapToDouble(Baseline.Planned::seconds).max().orElse(0);
        long seconds = Math.max(labTimeout.toSeconds(), (long) Math.ceil(4 * slowest));
        return Duration.ofSeconds(Math.min(LEARNING_TIMEOUT.toSeconds(), seconds));
    }

    /** The JVM options of every graded test JVM of this lab (see {@link TestJvmCommand#options}). */
    List<String> jvmOptions() {
        return TestJvmCommand.options(bundle, lab);
    }

    /** Test JVMs each submission's tests are split over (see {@link Shards}). */
    public int shardCount() {
        return partitions.size();
    }

    /** The tests each of a submission's test JVMs runs, in order: the same for every submission (see {@link Shards}). */
    public List<List<String>> partitionSelectors() {
        return partitions.stream().map(p -> p.stream().map(Shards.Unit::selector).toList()).toList();
    }

    public SpareJvms spareJvms() {
        return spareJvms;
    }

    /**
     * Test JVMs a batch runs at once by default: per core, the lab's {@code grade.jvms-per-core}
     * (a lab whose tests wait a lot may use more), else its JVMs per submission when set, else by
     * the reference's test time (see {@link Shards#autoJvmsPerCore}). Spent as that
     * many lanes of one JVM each while submissions wait, the rest going to the last ones.
     */
    public int jvmBudget() {
        String perCore = lab.properties().getProperty("grade.jvms-per-core");
        String shards = lab.properties().getProperty("grade.shards");
        double n = perCore != null && !perCore.isBlank() ? Double.parseDouble(perCore.strip())
                : options.shards() > 0 || (shards != null && !shards.isBlank()) ? shardCount
                : Shards.autoJvmsPerCore(baseline.referenceSeconds());
        int budget = (int) Math.round(Runtime.getRuntime().availableProcessors() * n);
        // and at most one per GiB of memory: a test JVM may use its 768 MiB, a browser its share
        long memory = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        return Math.max(1, (int) Math.min(budget, memory >> 30));
    }

    public Lab lab() {
        return lab;
    }

    public Baseline baseline() {
        return baseline;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public GradeOptions options() {
        return options;
    }

    public LabBundle bundle() {
        return bundle;
    }

    /** The published files of the starter ("src/main/java/...", "src/test/java/...") → content. */
    public Map<String, byte[]> publishedFiles() {
        return publishedFiles;
    }

    public Path scratchRoot() {
        return scratchRoot;
    }

    /** The JDK every test JVM runs on. */
    Path javaHome() {
        return javaHome;
    }

    /** The lab's jcstress tests, or null when it has none. */
    RaceTests raceTests() {
        return raceTests;
    }

    /** What each test class runs of a submission; empty when results are not reused. */
    java.util.Optional<TestInputs> testInputs() {
        return testInputs;
    }

    /** Results of test classes graded earlier in this run (see {@link ReusedResults}). */
    ReusedResults reused() {
        return reused;
    }

    /** The fixed parts of the tests, one list per test JVM (see {@link Shards}). */
    List<List<Shards.Unit>> partitions() {
        return partitions;
    }

    /** The plan's tests as units for the test JVMs. */
    List<Shards.Unit> testUnits() {
        return testUnits;
    }

    /** The course the lab belongs to. */
    Course course() {
        return course;
    }
}
