package wirelab.grading.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;

/**
 * Renders the starter of one lab in memory: what {@code labs/<lab>/} must contain, file by file.
 * Only the published source roots are read; hidden tests, lab.properties, benchmarks and build
 * output never reach a student because they are never looked at.
 */
public final class StarterRenderer {

    /** Source roots copied to the starter (race tests only when the lab says so). */
    private static final List<String> PUBLIC_ROOTS = List.of(
            "src/main/java", "src/main/resources", "src/test/java", "src/test/resources");
    private static final String RACE_ROOT = "src/jcstress/java";

    /** Text files whose solution regions are replaced; others are copied byte for byte. */
    private static final List<String> TEXT_SUFFIXES = List.of(".java", ".xml", ".properties", ".txt", ".py",
            ".html", ".css", ".js", ".md", ".json", ".yaml", ".yml");

    private final Course course;

    public StarterRenderer(Course course) {
        this.course = course;
    }

    /** Relative path (with '/') → content, for everything under labs/<lab>/. */
    public Map<String, byte[]> render(Lab lab) {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("pom.xml", bytes(PomRewriter.starterPom(lab, read(lab.solutionDir().resolve("pom.xml")))));
        course.handout(lab).ifPresent(h -> files.put("README.md", readBytes(h)));
        for (String root : PUBLIC_ROOTS) {
            copyTree(lab, root, files);
        }
        if (lab.raceTestsPublic()) {
            copyTree(lab, RACE_ROOT, files);
        }
        return files;
    }

    private void copyTree(Lab lab, String root, Map<String, byte[]> files) {
        Path dir = lab.solutionDir().resolve(root);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = lab.solutionDir().relativize(file).toString().replace('\\', '/');
                starterOf(file, rel).ifPresent(content -> files.put(rel, content));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<byte[]> starterOf(Path file, String rel) {
        String name = file.getFileName().toString();
        if (TEXT_SUFFIXES.stream().noneMatch(name::endsWith)) {
            return Optional.of(readBytes(file));
        }
        return Markers.starterOf(read(file), rel).map(StarterRenderer::bytes);
    }

    static String read(Path file) {
        return new String(readBytes(file), StandardCharsets.UTF_8);
    }

    static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
