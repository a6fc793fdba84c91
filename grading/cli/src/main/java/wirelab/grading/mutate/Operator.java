package wirelab.grading.mutate;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import java.util.List;

/**
 * One kind of mistake, as a source edit: it lists every place in a file where the mistake can be
 * made ({@link Site}), in source order, so the k-th site of a fresh parse is always the same place.
 *
 * @param name     stable, in mutant ids and in {@code --operators}
 * @param category concurrency, io, text, classic or contract
 * @param summary  what the mutant does, in docs/mutate.md's words
 */
public record Operator(String name, String category, String summary, Finder finder) {

    /** Finds the sites of this operator in a parsed file. */
    @FunctionalInterface
    public interface Finder {
        void find(CompilationUnit unit, List<Site> out);
    }

    /**
     * One place the mistake can be made: the node whose first line is the mutant's line, and
     * the edit that makes it (run at most once, on the tree it was found in).
     */
    public record Site(Node at, Runnable apply) {
    }

    public List<Site> sites(CompilationUnit unit) {
        List<Site> out = new java.util.ArrayList<>();
        finder.find(unit, out);
        return out;
    }
}
