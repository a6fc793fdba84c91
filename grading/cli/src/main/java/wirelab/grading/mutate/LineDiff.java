package wirelab.grading.mutate;

import java.util.List;

/**
 * The changed lines of a mutant as one unified-diff hunk with a line of context either side.
 * The lexical-preserving printer leaves every other line as it was, so the common prefix and
 * suffix are the unchanged part.
 */
public final class LineDiff {

    private static final int CONTEXT = 1;

    private LineDiff() {
    }

    /** The changed middle of two texts' lines: {@code head} lines the same before it, {@code tail} after it. */
    record Changed(int head, int tail) {

        static Changed between(List<String> a, List<String> b) {
            int head = 0;
            while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
                head++;
            }
            int tail = 0;
            while (tail < a.size() - head && tail < b.size() - head
                    && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
                tail++;
            }
            return new Changed(head, tail);
        }
    }

    public static String of(String file, String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        Changed changed = Changed.between(a, b);
        int head = changed.head();
        int tail = changed.tail();
        int from = Math.max(0, head - CONTEXT);
        int toA = Math.min(a.size(), a.size() - tail + CONTEXT);
        int toB = Math.min(b.size(), b.size() - tail + CONTEXT);
        StringBuilder d = new StringBuilder();
        d.append("--- a/").append(file).append('\n').append("+++ b/").append(file).append('\n');
        d.append("@@ -").append(from + 1).append(',').append(toA - from).append(" +").append(from + 1).append(',')
                .append(toB - from).append(" @@\n");
        for (int i = from; i < head; i++) {
            d.append(' ').append(a.get(i)).append('\n');
        }
        for (int i = head; i < a.size() - tail; i++) {
            d.append('-').append(a.get(i)).append('\n');
        }
        for (int i = head; i < b.size() - tail; i++) {
            d.append('+').append(b.get(i)).append('\n');
        }
        for (int i = a.size() - tail; i < toA; i++) {
            d.append(' ').append(a.get(i)).append('\n');
        }
        return d.toString();
    }
}
