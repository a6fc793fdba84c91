package wirelab.grading.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;

/**
 * The whole of labs/ as publish would write it, compared with or written over what is on disk.
 * Build output (any {@code target/} folder) is neither compared nor touched.
 */
public final class LabsTree {

    static final String README = """
            # labs/ — GENERATED, do not edit

            The student starters, written by `./wirelab publish` from `solutions/` (solution regions
            replaced, hidden tests left out). Edit `solutions/` and re-publish; the build fails when
            this folder drifts (`./wirelab publish --check`).
            """;

    private final Course course;
    private final Map<String, byte[]> files;

    public LabsTree(Course course) {
        this.course = course;
        this.files = render(course);
    }

    private static Map<String, byte[]> render(Course course) {
        List<Lab> labs = course.labList();
        StarterRenderer renderer = new StarterRenderer(course);
        Map<String, byte[]> files = new TreeMap<>();
        files.put("pom.xml", StarterRenderer.bytes(PomRewriter.labsAggregator(labs)));
        files.put("README.md", StarterRenderer.bytes(README));
        for (Lab lab : labs) {
            renderer.render(lab).forEach((rel, content) -> files.put(lab.name() + "/" + rel, content));
        }
        return files;
    }

    public Map<String, byte[]> files() {
        return files;
    }

    /** The differences between labs/ on disk and what publish would write; empty when in sync. */
    public List<String> differences() {
        Map<String, Path> onDisk = onDisk();
        List<String> out = new ArrayList<>();
        for (String rel : new TreeSet<>(union(onDisk.keySet()))) {
            Path disk = onDisk.get(rel);
            byte[] expected = files.get(rel);
            if (disk == null) {
                out.add("missing   labs/" + rel);
            } else if (expected == null) {
                out.add("extra     labs/" + rel + " (not generated from solutions/)");
            } else if (!Arrays.equals(expected, StarterRenderer.readBytes(disk))) {
                out.add("differs   labs/" + rel);
            }
        }
        return out;
    }

    /** Writes labs/ so that it is exactly the rendering; returns the paths it changed. */
    public List<String> write() {
        Map<String, Path> onDisk = onDisk();
        List<String> changed = new ArrayList<>();
        try {
            for (Map.Entry<String, Path> e : onDisk.entrySet()) {
                if (!files.containsKey(e.getKey())) {
                    Files.delete(e.getValue());
                    changed.add("deleted   labs/" + e.getKey());
                }
            }
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path target = course.labs().resolve(e.getKey());
                if (Files.isRegularFile(target) && Arrays.equals(e.getValue(), Files.readAllBytes(target))) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
                changed.add("wrote     labs/" + e.getKey());
            }
            pruneEmptyDirs(course.labs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return changed;
    }

    private java.util.Set<String> union(java.util.Set<String> disk) {
        java.util.Set<String> all = new TreeSet<>(disk);
        all.addAll(files.keySet());
        return all;
    }

    private Map<String, Path> onDisk() {
        Map<String, Path> out = new TreeMap<>();
        Path labs = course.labs();
        if (!Files.isDirectory(labs)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(labs)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !isBuildOutput(labs.relativize(p)))
                    .forEach(p -> out.put(labs.relativize(p).toString().replace('\\', '/'), p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean isBuildOutput(Path rel) {
        for (Path part : rel) {
            String name = part.toString();
            if (name.equals("target") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static void pruneEmptyDirs(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path dir : walk.filter(Files::isDirectory).sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                if (!dir.equals(root) && !isBuildOutput(root.relativize(dir))) {
                    try (Stream<Path> entries = Files.list(dir)) {
                        if (entries.findAny().isEmpty()) {
                            Files.delete(dir);
                        }
                    }
                }
            }
        }
    }
}
