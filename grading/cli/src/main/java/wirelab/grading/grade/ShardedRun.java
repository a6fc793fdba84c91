package wirelab.grading.grade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import wirelab.grading.compile.SubmissionCompiler;
import wirelab.grading.run.RunOutcome;
import wirelab.grading.run.TestJvm;
import wirelab.grading.run.TestJvmSpec;
import wirelab.grading.run.TestResult;

/**
 * The run stage of one submission: the lab's fixed parts of its tests ({@link PreparedLab#partitions}),
 * each in its own fresh test JVM, merged into one outcome. The lane's own turn runs the parts one
 * after another; a spare turn ({@link SpareJvms}) lets the next part start at once. Lending only
 * changes when a part starts, never what runs with what or in which order. Test classes whose
 * results are already known ({@link ReusedResults}) are left out; the rest keep their order.
 */
final class ShardedRun {

    private final PreparedLab lab;

    ShardedRun(PreparedLab lab) {
        this.lab = lab;
    }

    /** What the test JVMs of one submission produced, merged; unloadable: class → why it could not load. */
    record Result(RunOutcome outcome, Map<String, String> unloadable, boolean oom) {

        /** This result with more tests' results (known without running them). */
        Result with(List<TestResult> more) {
            List<TestResult> all = new ArrayList<>(outcome.results());
            all.addAll(more);
            return new Result(new RunOutcome(all, outcome.problems(), outcome.jvms(), outcome.outputTail()), unloadable, oom);
        }
    }

    /** @param known test classes whose results are already known: left out of every part */
    Result run(String student, SubmissionCompiler.Result compiled, Path scratch, double setupNanos,
            java.util.Set<String> known) {
        if (lab.testUnits().isEmpty()) {
            return new Result(new RunOutcome(List.of(), List.of("the lab has no test classes"), 0, ""), Map.of(), false);
        }
        long tRun = System.nanoTime();
        List<List<Shards.Unit>> parts = lab.partitions().stream()
                .map(p -> p.stream().filter(u -> !known.contains(u.className())).toList())
                .filter(p -> !p.isEmpty()).toList();
        Result result = parts.isEmpty() ? new Result(new RunOutcome(List.of(), List.of(), 0, ""), Map.of(), false)
                : parts.size() == 1 ? runList(parts.get(0), compiled, scratch.resolve("run-1"))
                : runParts(parts, compiled, scratch);
        if (System.getenv("WIRELAB_TIMING") != null) {
            System.err.printf(java.util.Locale.ROOT, "timing %s: intake+overlay+compile %.2f s, run %.2f s in %d JVM(s) (tests %.2f s)%n",
                    student, setupNanos / 1e9, (System.nanoTime() - tRun) / 1e9, result.outcome().jvms(),
                    result.outcome().results().stream().mapToLong(TestResult::millis).sum() / 1e3);
        }
        return result;
    }

    /** One part done, and the extra turn it ran on (given back), or null for the lane's own. */
    private record Done(int part, Result result, SpareJvms.Turn extra) {
    }

    /**
     * Every part in its own JVM: the lane's own turn takes them in order, and each free spare
     * turn starts the next one early. Merged in part order, whatever order they ended in.
     */
    private Result runParts(List<List<Shards.Unit>> parts, SubmissionCompiler.Result compiled, Path scratch) {
        Result[] done = new Result[parts.size()];
        ExecutorService pool = Executors.newFixedThreadPool(parts.size(), r -> {
            Thread t = new Thread(r, "test-jvm-part");
            t.setDaemon(true);
            return t;
        });
        CompletionService<Done> finished = new ExecutorCompletionService<>(pool);
        try {
            int next = 0;
            int running = 0;
            boolean ownBusy = false;
            while (next < parts.size() || running > 0) {
                while (next < parts.size()) {
                    SpareJvms.Turn extra = ownBusy ? lab.spareJvms().tryTake() : null;
                    if (ownBusy && extra == null) {
                        break;
                    }
                    ownBusy = true;
                    int part = next++;
                    running++;
                    finished.submit(() -> {
                        try {
                            return new Done(part, runList(parts.get(part), compiled, scratch.resolve("run-" + (part + 1))), extra);
                        } finally {
                            if (extra != null) {
                                lab.spareJvms().giveBack(extra);
                            }
                        }
                    });
                }
                // while parts wait, look for a spare turn every 100 ms; else wait for a part to end
                Future<Done> f = next < parts.size() ? finished.poll(100, TimeUnit.MILLISECONDS) : finished.take();
                if (f != null) {
                    Done d = f.get();
                    done[d.part()] = d.result();
                    running--;
                    if (d.extra() == null) {
                        ownBusy = false;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running tests", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<RunOutcome> outcomes = new ArrayList<>();
        Map<String, String> unloadable = new LinkedHashMap<>();
        boolean oom = false;
        for (Result r : done) {
            outcomes.add(r.outcome());
            unloadable.putAll(r.unloadable());
            oom |= r.oom();
        }
        return new Result(merge(outcomes), unloadable, oom);
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
        return new TestJvmSpec(lab.javaHome(), TestJvmCommand.classpath(lab.bundle(), compiled.classes()), selectors,
                lab.options().perTest(), lab.options().wallFor(lab.baseline().referenceSeconds()), lab.options().heapMb(),
                workDir, lab.options().outputLimit(), lab.jvmOptions(), lab.options().stuckAfter());
    }

    /**
     * Runs the tests in one fresh JVM; if a test kills it, the rest of the list, in order, in a
     * fresh one (see {@link TestJvm#run}): the same list always runs the same way. A class that cannot even
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
            run = new TestJvm(lab.sandbox()).run(spec);
            Map<String, String> broken = DiscoveryFailures.unloadableClasses(run);
            broken.keySet().retainAll(units.stream().map(Shards.Unit::className).toList());
            if (broken.isEmpty()) {
                break;
            }
            unloadable.putAll(broken);
            units.removeIf(u -> broken.containsKey(u.className()));
            lab.sandbox().release(spec);
        }
        if (run == null) {
            run = new RunOutcome(List.of(), List.of(), 0, "");
        }
        boolean oom = spec != null && lab.sandbox().release(spec);
        return new Result(run, unloadable, oom);
    }
}
