package wirelab.grading.mutate;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import wirelab.grading.batch.Batch;
import wirelab.grading.batch.GradingSession;
import wirelab.grading.files.Folders;
import wirelab.grading.grade.Baseline;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/**
 * Grades compiled mutants as one class through the grading pipeline: each mutant becomes a
 * submission (the reference's main sources with the one file changed), and the session grades
 * them as it grades a class: on its lanes, each in fresh isolated JVMs, against its prepared lab.
 * A mutant is killed when a graded test the reference passes fails on it.
 */
public final class MutantGrader {

    private final GradingSession session;
    private final boolean force;
    private final PrintStream out;

    public MutantGrader(GradingSession session, boolean force, PrintStream out) {
        this.session = session;
        this.force = force;
        this.out = out;
    }

    public List<MutantOutcome> grade(List<Mutant> mutants, Path outDir) {
        Path subs = outDir.resolve("submissions");
        Map<String, Mutant> byFolder = new HashMap<>();
        List<Path> inputs = new ArrayList<>();
        try {
            for (Mutant m : mutants) {
                Path dir = subs.resolve(m.folderName());
                Folders.delete(dir);
                Path src = dir.resolve("src/main/java");
                Folders.copy(session.lab().lab().mainSources(), src);
                Files.writeString(src.resolve(m.file()), m.source());
                byFolder.put(m.folderName(), m);
                inputs.add(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (session.lab().options().reuse()) {
            // every mutant changes one file: graded first, the reference's results serve every test class that file does not reach
            Path reference = subs.resolve("reference");
            Folders.delete(reference);
            try {
                Folders.copy(session.lab().lab().mainSources(), reference.resolve("src/main/java"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            session.grade(Batch.names(List.of(reference)), outDir.resolve("grading"), true, out);
        }
        Batch.Outcome o = session.grade(Batch.names(inputs), outDir.resolve("grading"), force, out);
        Set<String> countable = session.lab().baseline().tests().stream().filter(t -> t.graded() && t.referencePasses())
                .map(Baseline.Planned::id).collect(Collectors.toSet());
        List<MutantOutcome> outcomes = new ArrayList<>();
        for (SubmissionResult r : o.results()) {
            Mutant m = byFolder.get(r.student());
            if (m == null) {
                continue;
            }
            outcomes.add(outcome(m, r, countable));
        }
        if (System.getenv("WIRELAB_KEEP") == null) {
            Folders.delete(subs);
        }
        return outcomes;
    }

    static MutantOutcome outcome(Mutant m, SubmissionResult r, Set<String> countable) {
        if (r.refusal() != null) {
            return new MutantOutcome(m, MutantOutcome.ERROR, List.of(), r.refusal(), r.seconds());
        }
        if (!r.compile().isEmpty()) {
            return new MutantOutcome(m, MutantOutcome.NOT_COMPILED, List.of(), r.compile().get(0), r.seconds());
        }
        List<String> killers = new ArrayList<>();
        for (TestVerdict t : r.tests()) {
            if (!t.passed() && (countable.contains(t.id()) || "race".equals(t.kind()))) {
                killers.add(t.group() + ": " + t.name() + " (" + t.status() + ")");
            }
        }
        return killers.isEmpty() ? new MutantOutcome(m, MutantOutcome.SURVIVED, List.of(), null, r.seconds())
                : new MutantOutcome(m, MutantOutcome.KILLED, killers, null, r.seconds());
    }
}
