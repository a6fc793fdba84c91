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
import wirelab.grading.batch.GradingSession;
import wirelab.grading.grade.PreparedLab;

/**
 * {@code ./wirelab mutate}, stage by stage: make the mutants of the reference's solution regions,
 * check the ignore list against them, pick (--operators, --max), compile each, grade the ones that
 * compile as one batch, and count.
 */
public final class MutationRun {

    /**
     * The knobs of one run.
     *
     * @param only the ids of the only mutants to try (as {@code --dry-run} prints them), or empty for all
     */
    public record Options(List<String> operators, int max, boolean everywhere, boolean force, List<String> only) {

        public Options {
            only = only == null ? List.of() : List.copyOf(only);
        }

        public Options(List<String> operators, int max, boolean everywhere, boolean force) {
            this(operators, max, everywhere, force, List.of());
        }
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

    private final GradingSession session;
    private final PreparedLab lab;
    private final PrintStream out;

    /** @param session the lab's grading session: its lanes compile and grade the mutants */
    public MutationRun(GradingSession session, PrintStream out) {
        this.session = session;
        this.lab = session.lab();
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
        List<Mutant> chosen = only(all, all.stream().filter(m -> chosenOps.contains(m.operator())).toList(), o.only());
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
        out.printf("mutate %s: %d mutants%s in %s (%d operators), %d listed as equivalent; %s%n", lab.lab().name(),
                chosen.size(), o.only().isEmpty() ? "" : " (--only)", o.everywhere() ? "the whole main source" : "the solution regions", chosenOps.size(),
                outcomes.size(), o.max() > 0 && o.max() < chosen.size() - outcomes.size() ? "trying " + candidates.size() + " (--max)"
                        : "trying " + candidates.size());
        List<Mutant> compiled = new ArrayList<>();
        outcomes.addAll(compile(candidates, compiled, session.lanes()));
        out.printf("compiled: %d of %d (the rest are not mistakes a compiler lets through)%n", compiled.size(), candidates.size());
        if (!compiled.isEmpty()) {
            outcomes.addAll(new MutantGrader(session, o.force(), out).grade(compiled, outDir));
        }
        return new Result(lab.lab().name(), outcomes, (System.nanoTime() - start) / 1e9, lab.sandbox().describe());
    }

    /**
     * The chosen mutants whose id is in {@code ids} (all of them when ids is empty), in their order.
     * An id that no mutant has, or whose mutant the operators left out, is an error that names it:
     * a re-run of some mutants must not quietly grade fewer than it was asked to.
     */
    public static List<Mutant> only(List<Mutant> all, List<Mutant> chosen, java.util.Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return chosen;
        }
        Set<String> wanted = new java.util.LinkedHashSet<>(ids);
        Set<String> existing = all.stream().map(Mutant::id).collect(Collectors.toSet());
        List<String> unknown = wanted.stream().filter(id -> !existing.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("--only: no mutant has the id " + String.join(", ", unknown)
                    + " (ids are file:line:operator:ordinal, as --dry-run prints them; the code may have moved)");
        }
        List<Mutant> picked = chosen.stream().filter(m -> wanted.contains(m.id())).toList();
        if (picked.size() < wanted.size()) {
            Set<String> pickedIds = picked.stream().map(Mutant::id).collect(Collectors.toSet());
            throw new IllegalArgumentException("--only: " + String.join(", ", wanted.stream().filter(id -> !pickedIds.contains(id)).toList())
                    + " left out by --operators; drop --operators or add their operators");
        }
        return picked;
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
        List<List<Mutant>> ops = new ArrayList<>(byOp.values());
        if (max < ops.size()) {
            // fewer mutants than operators: operators evenly spaced over the list (all categories)
            List<List<Mutant>> some = new ArrayList<>();
            for (int i = 0; i < max; i++) {
                some.add(ops.get(i * ops.size() / max));
            }
            ops = some;
        }
        List<Mutant> out = new ArrayList<>();
        for (int round = 0; out.size() < max; round++) {
            for (List<Mutant> ms : ops) {
                if (round < ms.size() && out.size() < max) {
                    out.add(ms.get(spreadIndex(round, ms.size())));
                }
            }
        }
        return out;
    }

    /** The round-th index of 0..n-1 in an order that halves the gaps first (0, n/2, n/4, 3n/4, ...): files spread too. */
    static int spreadIndex(int round, int n) {
        List<Integer> order = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int parts = 1; order.size() < n; parts *= 2) {
            for (int k = 0; k < parts && order.size() < n; k++) {
                int idx = (int) ((long) k * n / parts);
                if (seen.add(idx)) {
                    order.add(idx);
                }
            }
            if (parts > 2 * n) {
                for (int i = 0; i < n; i++) {
                    if (seen.add(i)) {
                        order.add(i);
                    }
                }
            }
        }
        return order.get(round);
    }
}
