package wirelab.grading.mutate;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.printer.lexicalpreservation.LexicalPreservingPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * Makes the mutants of a source tree: for each file and operator, every site inside a solution
 * region (or anywhere, with --everywhere), each applied to a fresh parse of the file and printed
 * with the lexical-preserving printer, so the mutant differs from the reference in the changed
 * lines only.
 */
public final class MutantMaker {

    private final Path sourceRoot;
    private final List<Operator> operators;
    private final boolean everywhere;
    private final JavaParser parser = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));

    public MutantMaker(Path sourceRoot, List<Operator> operators, boolean everywhere) {
        this.sourceRoot = sourceRoot;
        this.operators = operators;
        this.everywhere = everywhere;
    }

    /** Every mutant of every .java file under the source root, in file, operator, site order. */
    public List<Mutant> all() {
        List<Mutant> out = new ArrayList<>();
        for (Path file : wirelab.grading.compile.JavaCompile.javaFiles(sourceRoot)) {
            out.addAll(of(file));
        }
        return out;
    }

    public List<Mutant> of(Path file) {
        String rel = sourceRoot.relativize(file).toString().replace('\\', '/');
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompilationUnit first = parse(text, rel);
        Regions regions = everywhere ? Regions.all() : Regions.of(first);
        if (regions.isEmpty()) {
            return List.of();
        }
        Set<Integer> commentLines = new HashSet<>();
        List<String> lines = text.lines().toList();
        first.getAllComments().forEach(c -> c.getRange().ifPresent(r -> {
            if (c.isLineComment() && r.begin.line <= lines.size() && lines.get(r.begin.line - 1).strip().startsWith("//")) {
                commentLines.add(r.begin.line);
            }
        }));
        List<Mutant> out = new ArrayList<>();
        for (Operator op : operators) {
            List<Operator.Site> sites = op.sites(first);
            Map<Integer, Integer> perLine = new HashMap<>();
            for (int k = 0; k < sites.size(); k++) {
                int line = sites.get(k).at().getBegin().map(p -> p.line).orElse(0);
                if (!regions.contains(line)) {
                    continue;
                }
                int ordinal = perLine.merge(line, 1, Integer::sum);
                CompilationUnit fresh = parse(text, rel);
                List<Operator.Site> again = op.sites(fresh);
                String mutated;
                try {
                    again.get(k).apply().run();
                    mutated = CommentKeeper.restore(text, LexicalPreservingPrinter.print(fresh), commentLines);
                } catch (RuntimeException e) {
                    // an edit the printer cannot express is no mistake a student makes: skipped
                    continue;
                }
                if (mutated.equals(text)) {
                    continue;
                }
                out.add(new Mutant(Mutant.id(rel, line, op.name(), ordinal), op.name(), op.category(), rel, line, ordinal,
                        mutated, LineDiff.of(rel, text, mutated)));
            }
        }
        return out;
    }

    private CompilationUnit parse(String text, String where) {
        ParseResult<CompilationUnit> r = parser.parse(text);
        if (!r.isSuccessful() || r.getResult().isEmpty()) {
            throw new IllegalStateException("cannot parse " + where + ": " + r.getProblems());
        }
        CompilationUnit cu = r.getResult().get();
        LexicalPreservingPrinter.setup(cu);
        return cu;
    }
}
