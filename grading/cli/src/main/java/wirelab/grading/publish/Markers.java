package wirelab.grading.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a solution file into its starter by replacing solution regions (see solutions/README.md):
 * <pre>
 *   // BEGIN SOLUTION          solution lines, dropped
 *   // STARTER                 optional: the comment lines after it become starter code
 *   // STARTER TODO: message   optional: becomes a throw of UnsupportedOperationException
 *   // END SOLUTION
 *   // SOLUTION ONLY           anywhere: the whole file is left out
 * </pre>
 * XML files use the same words inside {@code <!-- -->}.
 */
public final class Markers {

    private static final String BEGIN = "BEGIN SOLUTION";
    private static final String END = "END SOLUTION";
    private static final String STARTER = "STARTER";
    private static final String TODO = "STARTER TODO:";
    private static final String ONLY = "SOLUTION ONLY";

    private enum State { OUTSIDE, SOLUTION, STARTER, TODO }

    private Markers() {
    }

    /** True when a line of the text is a marker: a published file must have none. */
    public static boolean hasMarker(String text) {
        return text.lines().anyMatch(line -> marker(line) != null);
    }

    /**
     * The starter version of {@code text}, or empty when the file is solution-only.
     *
     * @param where the file's name, for error messages
     */
    public static Optional<String> starterOf(String text, String where) {
        List<String> out = new ArrayList<>();
        State state = State.OUTSIDE;
        int regionStart = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String marker = marker(line);
            int lineNo = i + 1;
            if (ONLY.equals(marker)) {
                return Optional.empty();
            }
            switch (state) {
                case OUTSIDE -> {
                    if (marker == null) {
                        out.add(line);
                    } else if (BEGIN.equals(marker)) {
                        state = State.SOLUTION;
                        regionStart = lineNo;
                    } else {
                        throw error(where, lineNo, "'" + marker + "' outside a BEGIN SOLUTION region");
                    }
                }
                case SOLUTION -> {
                    if (marker == null) {
                        continue;
                    }
                    if (END.equals(marker)) {
                        state = State.OUTSIDE;
                    } else if (STARTER.equals(marker)) {
                        state = State.STARTER;
                    } else if (marker.startsWith(TODO)) {
                        out.add(indent(line) + todo(marker.substring(TODO.length()).trim()));
                        state = State.TODO;
                    } else {
                        throw error(where, lineNo, "'" + marker + "' inside the region opened at line "
                                + regionStart + " (regions do not nest)");
                    }
                }
                case STARTER -> {
                    if (END.equals(marker)) {
                        state = State.OUTSIDE;
                    } else if (marker != null) {
                        throw error(where, lineNo, "'" + marker + "' inside a STARTER block");
                    } else {
                        out.add(uncomment(line, where, lineNo));
                    }
                }
                case TODO -> {
                    if (END.equals(marker)) {
                        state = State.OUTSIDE;
                    } else if (marker != null || !line.isBlank()) {
                        throw error(where, lineNo, "expected END SOLUTION after STARTER TODO");
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        if (state != State.OUTSIDE) {
            throw error(where, regionStart, "BEGIN SOLUTION is never closed by END SOLUTION");
        }
        return Optional.of(String.join("\n", out));
    }

    /** The marker word(s) on a line that holds only a marker comment, else null. */
    static String marker(String line) {
        String t = line.strip();
        String body;
        if (t.startsWith("//")) {
            body = t.substring(2).strip();
        } else if (t.startsWith("<!--") && t.endsWith("-->")) {
            body = t.substring(4, t.length() - 3).strip();
        } else {
            return null;
        }
        if (body.equals(BEGIN) || body.equals(END) || body.equals(STARTER) || body.equals(ONLY)
                || body.startsWith(TODO)) {
            return body;
        }
        return null;
    }

    private static String uncomment(String line, String where, int lineNo) {
        if (line.isBlank()) {
            return "";
        }
        String t = line.stripLeading();
        if (!t.startsWith("//")) {
            throw error(where, lineNo, "a STARTER block holds only // comment lines (the starter code, commented out)");
        }
        String rest = t.substring(2);
        if (rest.startsWith(" ")) {
            rest = rest.substring(1);
        }
        return rest.isEmpty() ? "" : indent(line) + rest;
    }

    private static String todo(String message) {
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        return "throw new UnsupportedOperationException(\"TODO: " + escaped + "\");";
    }

    private static String indent(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return line.substring(0, i);
    }

    private static MarkerException error(String where, int line, String message) {
        return new MarkerException(where + ":" + line + ": " + message);
    }

    /** A marker that is misplaced, unclosed or malformed; the message names file and line. */
    public static final class MarkerException extends RuntimeException {
        public MarkerException(String message) {
            super(message);
        }
    }
}
