package wirelab.grading.mutate;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.LineComment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The lines students write: the solution regions of a file ({@code // BEGIN SOLUTION} …
 * {@code // END SOLUTION}, see solutions/README.md), found among the parser's comments. A file
 * marked {@code // SOLUTION ONLY} is left out of the starter, so students write all of it.
 */
public final class Regions {

    private record Range(int first, int last) {
    }

    private final List<Range> ranges;
    private final boolean everywhere;

    private Regions(List<Range> ranges, boolean everywhere) {
        this.ranges = ranges;
        this.everywhere = everywhere;
    }

    /** Every line (--everywhere). */
    public static Regions all() {
        return new Regions(List.of(), true);
    }

    public static Regions of(CompilationUnit unit) {
        List<LineComment> markers = unit.getAllComments().stream()
                .filter(Comment::isLineComment).map(Comment::asLineComment)
                .filter(c -> c.getRange().isPresent())
                .sorted(Comparator.comparingInt(c -> c.getRange().get().begin.line))
                .toList();
        List<Range> ranges = new ArrayList<>();
        int open = -1;
        for (LineComment c : markers) {
            String word = c.getContent().strip();
            int line = c.getRange().get().begin.line;
            if (word.equals("SOLUTION ONLY")) {
                return all();
            } else if (word.equals("BEGIN SOLUTION")) {
                open = line;
            } else if (word.equals("END SOLUTION") && open >= 0) {
                ranges.add(new Range(open + 1, line - 1));
                open = -1;
            }
        }
        return new Regions(ranges, false);
    }

    public boolean contains(int line) {
        return everywhere || ranges.stream().anyMatch(r -> line >= r.first && line <= r.last);
    }

    public boolean isEmpty() {
        return !everywhere && ranges.isEmpty();
    }
}
