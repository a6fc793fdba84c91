package wirelab.grading.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import wirelab.grading.compile.SubmissionCompiler;
import wirelab.grading.run.RunOutcome;
import wirelab.grading.run.TestJvm;
import wirelab.grading.run.TestJvmSpec;
import wirelab.grading.run.TestResult;
import wirelab.grading.sandbox.IsolatedSandbox;

/** The run stage of one submission: its tests in the lab's shards of test JVMs, run at once, merged into one outcome. */
final class ShardedRun {

    private final PreparedLab lab;

    ShardedRun(PreparedLab lab) {
        this.lab = lab;
    }

    /** What the test JVMs of one submission produced, merged; unloadable: class → why it could not load. */
    record Result(RunOutcome outcome, Map<String, String> unloadable, boolean oom) {
    }

    /** The tests split over {@link Shards}, each shard in its own JVM(s), all at once, merged. */
    Result run(String student, SubmissionCompiler.Result compiled, Path scratch, double setupNanos) {
        if (lab.testUnits.isEmpty()) {
            return new Result(new RunOutcome(List.of(), List.of("the lab has no test classes"), 0, ""), Map.of(), false);
        }
        List<List<Shards.Unit>> shards = Shards.split(lab.testUnits, lab.shardCount);
        long tRun = System.nanoTime();
        List<Result> parts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(shards.size(), r -> {
            Thread t = new Thread(r, "shard-" + student);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (int i = 0; i < shards.size(); i++) {
                List<Shards.Unit> shard = shards.get(i);
                Path dir = scratch.resolve("run-" + (i + 1));
                futures.add(pool.submit(() -> runShard(shard, compiled, dir)));
            }
            for (Future<Result> f : futures) {
                parts.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running tests", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<TestResult> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> unloadable = new LinkedHashMap<>();
        boolean oom = false;
        int jvms = 0;
        StringBuilder tail = new StringBuilder();
        for (Result part : parts) {
            results.addAll(part.outcome().results());
            part.outcome().problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
            unloadable.putAll(part.unloadable());
            oom |= part.oom();
            jvms += part.outcome().jvms();
            tail.append(part.outcome().outputTail());
        }
        RunOutcome merged = new RunOutcome(results, problems, jvms, tail.toString());
        if (System.getenv("WIRELAB_TIMING") != null) {
            System.err.printf(java.util.Locale.ROOT, "timing %s: intake+overlay+compile %.2f s, run %.2f s in %d shard(s) (tests %.2f s)%n",
                    student, setupNanos / 1e9, (System.nanoTime() - tRun) / 1e9, shards.size(),
                    results.stream().mapToLong(TestResult::millis).sum() / 1e3);
        }
        return new Result(merged, unloadable, oom);
    }

    /**
     * Runs some tests in a fresh JVM (more than one if a test kills it). A class that cannot even
     * be loaded against the submission (a type it mentions is missing) fails JUnit's whole
     * discovery; its tests are set aside and the rest run again.
     */
    private Result runShard(List<Shards.Unit> shard, SubmissionCompiler.Result compiled, Path workDir) {
        List<Shards.Unit> units = new ArrayList<>(shard);
        Map<String, String> unloadable = new LinkedHashMap<>();
        RunOutcome run = null;
        TestJvmSpec spec = null;
        for (int attempt = 0; attempt < 4 && !units.isEmpty(); attempt++) {
            List<String> selectors = new ArrayList<>();
            for (Shards.Unit u : units) {
                selectors.add(u.flag());
                selectors.add(u.selector());
            }
            spec = new TestJvmSpec(lab.javaHome, PreparedLab.classpath(lab.bundle, compiled.classes()), selectors,
                    lab.options.perTest(), lab.options.wallFor(lab.baseline.referenceSeconds()), lab.options.heapMb(),
                    attempt == 0 ? workDir : workDir.resolveSibling(workDir.getFileName() + "-" + attempt),
                    lab.options.outputLimit(), lab.jvmOptions());
            run = new TestJvm(lab.sandbox).run(spec);
            Map<String, String> broken = DiscoveryFailures.unloadableClasses(run);
            broken.keySet().retainAll(units.stream().map(Shards.Unit::className).toList());
            if (broken.isEmpty()) {
                break;
            }
            unloadable.putAll(broken);
            units.removeIf(u -> broken.containsKey(u.className()));
            if (lab.sandbox instanceof IsolatedSandbox iso) {
                iso.release(spec);
            }
        }
        if (run == null) {
            run = new RunOutcome(List.of(), List.of(), 0, "");
        }
        boolean oom = spec != null && lab.sandbox instanceof IsolatedSandbox iso && iso.release(spec);
        return new Result(run, unloadable, oom);
    }
}
