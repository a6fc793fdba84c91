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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import wirelab.grading.compile.SubmissionCompiler;
import wirelab.grading.run.RunOutcome;
import wirelab.grading.run.TestJvm;
import wirelab.grading.run.TestJvmSpec;
import wirelab.grading.run.TestQueue;
import wirelab.grading.run.TestResult;
import wirelab.grading.sandbox.IsolatedSandbox;

/**
 * The run stage of one submission: its tests in one test JVM, or shared through a queue among the
 * lab's number of test JVMs running at once, merged into one outcome.
 */
final class ShardedRun {

    private final PreparedLab lab;

    ShardedRun(PreparedLab lab) {
        this.lab = lab;
    }

    /** What the test JVMs of one submission produced, merged; unloadable: class → why it could not load. */
    record Result(RunOutcome outcome, Map<String, String> unloadable, boolean oom) {
    }

    Result run(String student, SubmissionCompiler.Result compiled, Path scratch, double setupNanos) {
        if (lab.testUnits.isEmpty()) {
            return new Result(new RunOutcome(List.of(), List.of("the lab has no test classes"), 0, ""), Map.of(), false);
        }
        long tRun = System.nanoTime();
        // one JVM takes the whole list at once: no hand-off per test
        Result result = lab.shardCount == 1
                ? runList(lab.testUnits, compiled, scratch.resolve("run-1"))
                : runQueue(compiled, scratch);
        if (System.getenv("WIRELAB_TIMING") != null) {
            System.err.printf(java.util.Locale.ROOT, "timing %s: intake+overlay+compile %.2f s, run %.2f s in %d JVM(s) (tests %.2f s)%n",
                    student, setupNanos / 1e9, (System.nanoTime() - tRun) / 1e9, result.outcome().jvms(),
                    result.outcome().results().stream().mapToLong(TestResult::millis).sum() / 1e3);
        }
        return result;
    }

    /**
     * Test JVMs taking the next unit from one queue until none is left: the lane's own JVM, and
     * more (up to the lab's number) while the queue holds units and a spare turn is free.
     */
    private Result runQueue(SubmissionCompiler.Result compiled, Path scratch) {
        TestQueue queue = new TestQueue(Shards.queueOrder(lab.testUnits).stream()
                .map(u -> Map.entry(u.className(), u.flag() + " " + u.selector())).toList());
        List<TestJvmSpec> specs = new ArrayList<>();
        List<RunOutcome> parts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(lab.shardCount, r -> {
            Thread t = new Thread(r, "test-jvm-queue");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunOutcome>> futures = new ArrayList<>();
            do {
                while (specs.size() < lab.shardCount && !queue.isEmpty() && (specs.isEmpty() || lab.spareJvms.tryTake())) {
                    boolean own = specs.isEmpty();
                    TestJvmSpec spec = spec(compiled, List.of(), scratch.resolve("run-" + (specs.size() + 1)));
                    specs.add(spec);
                    futures.add(pool.submit(() -> {
                        try {
                            return new TestJvm(lab.sandbox).drain(spec, queue);
                        } finally {
                            if (!own) {
                                lab.spareJvms.giveBack();
                            }
                        }
                    }));
                }
            } while (!awaitAll(futures, specs.size() < lab.shardCount && !queue.isEmpty()));
            for (Future<RunOutcome> f : futures) {
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
        boolean oom = false;
        for (TestJvmSpec spec : specs) {
            oom |= lab.sandbox instanceof IsolatedSandbox iso && iso.release(spec);
        }
        RunOutcome merged = merge(parts);
        Map<String, String> unloadable = new LinkedHashMap<>();
        queue.failures().values().forEach(why -> DiscoveryFailures.in(why, unloadable));
        unloadable.putAll(DiscoveryFailures.unloadableClasses(merged));
        List<TestResult> kept = merged.results().stream()
                .filter(r -> !unloadable.containsKey(r.id().substring(0, Math.max(0, r.id().indexOf('#'))))).toList();
        return new Result(new RunOutcome(kept, merged.problems(), merged.jvms(), merged.outputTail()), unloadable, oom);
    }

    /** True when every JVM has ended; while more could start, looks again after 100 ms. */
    private static boolean awaitAll(List<Future<RunOutcome>> futures, boolean moreCouldStart)
            throws InterruptedException, ExecutionException {
        for (Future<RunOutcome> f : futures) {
            if (!f.isDone()) {
                if (!moreCouldStart) {
                    f.get();
                    continue;
                }
                try {
                    f.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static RunOutcome merge(List<RunOutcome> parts) {
        List<TestResult> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int jvms = 0;
        StringBuilder tail = new StringBuilder();
        for (RunOutcome part : parts) {
            results.addAll(part.results());
            part.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
            jvms += part.jvms();
            tail.append(part.outputTail());
        }
        return new RunOutcome(results, problems, jvms, tail.toString());
    }

    private TestJvmSpec spec(SubmissionCompiler.Result compiled, List<String> selectors, Path workDir) {
        return new TestJvmSpec(lab.javaHome, PreparedLab.classpath(lab.bundle, compiled.classes()), selectors,
                lab.options.perTest(), lab.options.wallFor(lab.baseline.referenceSeconds()), lab.options.heapMb(),
                workDir, lab.options.outputLimit(), lab.jvmOptions());
    }

    /**
     * Runs the tests in one fresh JVM (more than one if a test kills it). A class that cannot even
     * be loaded against the submission (a type it mentions is missing) fails JUnit's whole
     * discovery; its tests are set aside and the rest run again.
     */
    private Result runList(List<Shards.Unit> all, SubmissionCompiler.Result compiled, Path workDir) {
        List<Shards.Unit> units = new ArrayList<>(all);
        Map<String, String> unloadable = new LinkedHashMap<>();
        RunOutcome run = null;
        TestJvmSpec spec = null;
        for (int attempt = 0; attempt < 4 && !units.isEmpty(); attempt++) {
            List<String> selectors = new ArrayList<>();
            for (Shards.Unit u : units) {
                selectors.add(u.flag());
                selectors.add(u.selector());
            }
            spec = spec(compiled, selectors,
                    attempt == 0 ? workDir : workDir.resolveSibling(workDir.getFileName() + "-" + attempt));
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
