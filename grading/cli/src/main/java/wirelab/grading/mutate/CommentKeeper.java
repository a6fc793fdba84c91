package wirelab.grading.mutate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Puts back the whole-line comments an edit dropped. The parser attaches a comment to the node
 * after it, so removing or replacing a statement also drops the {@code // BEGIN SOLUTION} above
 * it, and the printer leaves a blank line there. A mutant is one mistake: the comment lines stay,
 * the blank line goes, and the diff shows the changed code only.
 */
final class CommentKeeper {

    private CommentKeeper() {
    }

    private static boolean same(String a, String b) {
        return a.strip().equals(b.strip());
    }

    /** @param commentLines the 1-based lines of the original that hold only a // comment */
    static String restore(String original, String mutated, Set<Integer> commentLines) {
        List<String> a = original.lines().toList();
        List<String> b = mutated.lines().toList();
        LineDiff.Changed changed = LineDiff.Changed.between(a, b);
        int head = changed.head();
        int tail = changed.tail();
        List<String> x = a.subList(head, a.size() - tail);
        List<String> y = b.subList(head, b.size() - tail);
        // longest common subsequence of the changed parts (a few lines each)
        int[][] lcs = new int[x.size() + 1][y.size() + 1];
        for (int i = x.size() - 1; i >= 0; i--) {
            for (int j = y.size() - 1; j >= 0; j--) {
                lcs[i][j] = same(x.get(i), y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> merged = new ArrayList<>(a.subList(0, head));
        int i = 0;
        int j = 0;
        while (i < x.size() || j < y.size()) {
            if (i < x.size() && j < y.size() && same(x.get(i), y.get(j))) {
                merged.add(x.get(i));  // the original's indentation: the printer loses it around emptied blocks
                i++;
                j++;
            } else if (i < x.size() && (j == y.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                if (commentLines.contains(head + i + 1)) {
                    merged.add(x.get(i));
                }
                i++;
            } else {
                if (!y.get(j).isBlank()) {
                    merged.add(y.get(j));
                }
                j++;
            }
        }
        merged.addAll(a.subList(a.size() - tail, a.size()));
        String joined = String.join("\n", merged);
        return mutated.endsWith("\n") ? joined + "\n" : joined;
    }
}
