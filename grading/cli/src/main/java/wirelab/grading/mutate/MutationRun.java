package wirelab.grading.mutate;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import wirelab.grading.grade.PreparedLab;

/**
 * {@code ./wirelab mutate}, stage by stage: make the mutants of the reference's solution regions,
 * check the ignore list against them, pick (--operators, --max), compile each, grade the ones that
 * compile as one batch, and count.
 */
public final class MutationRun {

    /** The knobs of one run. */
    public record Options(List<String> operators, int max, boolean everywhere, int jobs, boolean force) {
    }

    /** Everything a report needs. */
    public record Result(String lab, List<MutantOutcome> outcomes, double seconds, String isolation) {

        public long count(String status) {
            return outcomes.stream().filter(o -> o.status().equals(status)).count();
        }

        /** killed / (compiled − equivalent); a mutant the grader could not grade counts as not killed. */
        public double score() {
            long killed = count(MutantOutcome.KILLED);
            long denominator = killed + count(MutantOutcome.SURVIVED) + count(MutantOutcome.ERROR);
            return denominator == 0 ? 1.0 : (double) killed / denominator;
        }
    }

    private final PreparedLab lab;
    private final PrintStream out;

    public MutationRun(PreparedLab lab, PrintStream out) {
        this.lab = lab;
        this.out = out;
    }

    public Result run(Options o, Path outDir) {
        long start = System.nanoTime();
        Path sources = lab.lab().mainSources();
        // every operator, so that an ignored id of an operator not chosen this time is not called stale
        List<Mutant> all = new MutantMaker(sources, Operators.all(), o.everywhere()).all();
        IgnoreList ignore = IgnoreList.load(lab.lab().solutionDir().resolve(IgnoreList.NAME));
        List<String> stale = ignore.stale(all);
        if (!stale.isEmpty()) {
            throw new IllegalStateException(ignore.file() + " lists mutants that no longer exist (the code changed; "
                    + "check them again and update the ids): " + String.join(", ", stale));
        }
        Set<String> chosenOps = Operators.select(o.operators()).stream().map(Operator::name).collect(Collectors.toSet());
        List<Mutant> chosen = all.stream().filter(m -> chosenOps.contains(m.operator())).toList();
        List<MutantOutcome> outcomes = new ArrayList<>();
        List<Mutant> candidates = new ArrayList<>();
        for (Mutant m : chosen) {
            if (ignore.reasons().containsKey(m.id())) {
                outcomes.add(new MutantOutcome(m, MutantOutcome.EQUIVALENT, List.of(), ignore.reasons().get(m.id()), 0));
            } else {
                candidates.add(m);
            }
        }
        candidates = spread(candidates, o.max());
        out.printf("mutate %s: %d mutants in %s (%d operators), %d listed as equivalent; %s%n", lab.lab().name(),
                chosen.size(), o.everywhere() ? "the whole main source" : "the solution regions", chosenOps.size(),
                outcomes.size(), o.max() > 0 && o.max() < chosen.size() - outcomes.size() ? "trying " + candidates.size() + " (--max)"
                        : "trying " + candidates.size());
        List<Mutant> compiled = new ArrayList<>();
        outcomes.addAll(compile(candidates, compiled, o.jobs()));
        out.printf("compiled: %d of %d (the rest are not mistakes a compiler lets through)%n", compiled.size(), candidates.size());
        if (!compiled.isEmpty()) {
            outcomes.addAll(new MutantGrader(lab, o.jobs(), o.force(), out).grade(compiled, outDir));
        }
        return new Result(lab.lab().name(), outcomes, (System.nanoTime() - start) / 1e9, lab.sandbox().describe());
    }

    private List<MutantOutcome> compile(List<Mutant> candidates, List<Mutant> compiled, int jobs) {
        MutantCompiler compiler = new MutantCompiler(lab.bundle().reference(), lab.bundle().libraries(),
                lab.scratchRoot().resolve("mutants-compile"));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, Runtime.getRuntime().availableProcessors())));
        try {
            List<Future<String>> errors = new ArrayList<>();
            for (Mutant m : candidates) {
                errors.add(pool.submit(() -> compiler.firstError(m)));
            }
            List<MutantOutcome> dropped = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                String error;
                try {
                    error = errors.get(i).get();
                } catch (Exception e) {
                    error = "the compiler failed: " + e;
                }
                if (error == null) {
                    compiled.add(candidates.get(i));
                } else {
                    dropped.add(new MutantOutcome(candidates.get(i), MutantOutcome.NOT_COMPILED, List.of(), error, 0));
                }
            }
            return dropped;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * At most max mutants, spread over the operators: each operator's next mutant in turn, so a
     * small --max still tries every kind of mistake. The same input gives the same choice.
     */
    static List<Mutant> spread(List<Mutant> mutants, int max) {
        if (max <= 0 || mutants.size() <= max) {
            return mutants;
        }
        Map<String, List<Mutant>> byOp = new LinkedHashMap<>();
        mutants.forEach(m -> byOp.computeIfAbsent(m.operator(), k -> new ArrayList<>()).add(m));
        List<Mutant> out = new ArrayList<>();
        for (int round = 0; out.size() < max; round++) {
            for (List<Mutant> ms : byOp.values()) {
                if (round < ms.size() && out.size() < max) {
                    // within an operator, spread over its files too: step through the list
                    int step = Math.max(1, ms.size() / Math.max(1, (max / byOp.size()) + 1));
                    int idx = (round * step) % ms.size();
                    while (out.contains(ms.get(idx))) {
                        idx = (idx + 1) % ms.size();
                    }
                    out.add(ms.get(idx));
                }
            }
        }
        return out;
    }
}
