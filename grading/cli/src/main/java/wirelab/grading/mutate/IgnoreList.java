package wirelab.grading.mutate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code solutions/<lab>/mutants.ignore}: the equivalent mutants (no test can tell them from the
 * reference), one per line: the mutant id, then a one-line reason. {@code #} starts a comment.
 */
public record IgnoreList(Path file, Map<String, String> reasons) {

    public static final String NAME = "mutants.ignore";

    public static IgnoreList load(Path file) {
        Map<String, String> reasons = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+", 2);
                if (parts.length < 2 || parts[1].isBlank()) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": a mutant id, then a one-line reason why it is equivalent");
                }
                reasons.put(parts[0], parts[1].strip());
            }
        }
        return new IgnoreList(file, reasons);
    }

    /** Listed ids that no mutant has any more (the code moved or changed): the list must be updated. */
    public List<String> stale(java.util.Collection<Mutant> all) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        all.forEach(m -> ids.add(m.id()));
        return reasons.keySet().stream().filter(id -> !ids.contains(id)).toList();
    }
}
