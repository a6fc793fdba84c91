package wirelab.grading.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import wirelab.grading.course.Lab;
import wirelab.grading.run.Threat;

/**
 * What the demo checks beyond scores, where the grader says it confines the kind: that no line of
 * a hidden test's source reached any result file (feedback, result.json, Gradescope's results.json,
 * JUnit XML), and that no file a hostile sample must not leave behind exists. A sample's own verdict
 * could be wrong about its escape; these look at what a student or the machine would see.
 */
public final class Escapes {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Shorter lines ("}", "assertEquals(1, n);") are common to any Java file; these say which file they come from. */
    private static final int MIN_LINE = 30;

    private Escapes() {
    }

    /** "course text from BankHiddenTest.java reached students/x/feedback.txt: ..." for every such line. */
    static List<String> courseText(Lab lab, Map<String, byte[]> published, Path labOut) {
        Map<String, String> lines = hiddenLines(lab, published);
        if (lines.isEmpty() || !Files.isDirectory(labOut.resolve("students"))) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(labOut.resolve("students"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                Set<String> seen = linesOf(f);
                for (Map.Entry<String, String> e : lines.entrySet()) {
                    if (seen.contains(e.getKey())) {
                        out.add("course text from " + e.getValue() + " reached " + labOut.relativize(f) + ": " + e.getKey());
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Code lines of the course's hidden test sources (this lab's hidden race tests too) that no
     * published file of this lab has: the line → its file's name. Every lab's, not only this one's:
     * a submission that reads the course finds whichever comes first. Text blocks are left out (a
     * test's expected text may be shown to the student when it fails).
     */
    public static Map<String, String> hiddenLines(Lab lab, Map<String, byte[]> published) {
        Set<String> open = new HashSet<>();
        published.values().forEach(b -> new String(b, StandardCharsets.UTF_8).lines().map(String::strip).forEach(open::add));
        Map<String, String> out = new java.util.LinkedHashMap<>();
        List<Path> roots = new ArrayList<>(List.of(lab.hiddenTests()));
        if (!lab.raceTestsPublic()) {
            roots.add(lab.raceTests());
        }
        Path solutions = lab.solutionDir().getParent();
        Path hidden = lab.solutionDir().relativize(lab.hiddenTests());
        if (solutions != null && Files.isDirectory(solutions)) {
            try (Stream<Path> labs = Files.list(solutions)) {
                labs.sorted().map(l -> l.resolve(hidden)).filter(r -> !roots.contains(r)).forEach(roots::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    boolean textBlock = false;
                    for (String raw : Files.readAllLines(f)) {
                        String line = raw.strip();
                        if (line.contains("\"\"\"")) {
                            textBlock = !textBlock;
                            continue;
                        }
                        if (!textBlock && line.length() >= MIN_LINE && line.matches(".*[;{}()=].*") && !open.contains(line)) {
                            out.putIfAbsent(line, f.getFileName().toString());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The stripped lines of a result file as a reader sees them: JSON strings decoded, XML entities undone. */
    private static Set<String> linesOf(Path f) throws IOException {
        String name = f.getFileName().toString();
        List<String> texts = new ArrayList<>();
        if (name.endsWith(".json")) {
            try {
                collect(JSON.readTree(f.toFile()), texts);
            } catch (IOException e) {
                texts.add(Files.readString(f));
            }
        } else {
            String t = Files.readString(f);
            texts.add(name.endsWith(".xml") || name.endsWith(".html") ? t.replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", "\"").replace("&apos;", "'").replace("&#39;", "'").replace("&amp;", "&") : t);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String t : texts) {
            t.lines().map(String::strip).forEach(out::add);
        }
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collect(child, out));
    }

    /** The paths hostile samples must not leave that exist: "sample: left path"; and removes them. */
    static List<String> leftFiles(Iterable<Sample> samples, wirelab.grading.run.Sandbox sandbox) {
        List<String> out = new ArrayList<>();
        for (Sample s : samples) {
            for (Path p : s.absent()) {
                if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    if (s.confinedBy(sandbox)) {
                        out.add(s.name() + " left " + p + " (" + s.threat().word() + " is confined here: nothing may outlive its test)");
                    }
                    try {
                        wirelab.grading.compile.LabBundle.deleteTree(p);
                    } catch (UncheckedIOException e) {
                        // reported above where it matters
                    }
                }
            }
        }
        return out;
    }

    /** Whether the demo can check that no course text reached the results under a sandbox (it confines reads). */
    static boolean courseTextCheckable(wirelab.grading.run.Sandbox sandbox) {
        return sandbox.confines(Threat.READ);
    }
}
