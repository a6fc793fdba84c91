package wirelab.grading.mutate;

import java.util.List;

/**
 * What became of one mutant.
 *
 * @param status   killed, survived, equivalent (listed in mutants.ignore), not-compiled, error (the grader could not grade it)
 * @param killedBy the graded tests that failed on it (the reference passes them all)
 * @param note     the compiler's first error, the equivalence reason, or what went wrong
 */
public record MutantOutcome(Mutant mutant, String status, List<String> killedBy, String note, double seconds) {

    public static final String KILLED = "killed";
    public static final String SURVIVED = "survived";
    public static final String EQUIVALENT = "equivalent";
    public static final String NOT_COMPILED = "not-compiled";
    public static final String ERROR = "error";
}
