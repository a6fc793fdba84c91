package wirelab.grading.handouts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Mermaid diagrams of a Markdown file: every fenced block opened by {@code ```mermaid}, also
 * inside a list item (the fence's indentation is taken off every line of the block, as GitHub
 * does), with the line of its fence so that a failure points at it.
 */
final class MermaidBlocks {

    /** One diagram: where it is, and its source without the fences. */
    record Block(Path file, int line, String source) {

        String where() {
            return file + ":" + line;
        }
    }

    private MermaidBlocks() {
    }

    static List<Block> in(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return in(file, lines);
    }

    static List<Block> in(Path file, List<String> lines) {
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String open = lines.get(i);
            if (!open.strip().equals("```mermaid")) {
                continue;
            }
            int indent = open.indexOf('`');
            StringBuilder source = new StringBuilder();
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).strip().equals("```")) {
                String line = lines.get(j);
                int cut = 0;
                while (cut < indent && cut < line.length() && line.charAt(cut) == ' ') {
                    cut++;
                }
                source.append(line.substring(cut)).append('\n');
                j++;
            }
            if (j == lines.size()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": a ```mermaid block that is never closed");
            }
            out.add(new Block(file, i + 1, source.toString()));
            i = j;
        }
        return out;
    }
}
