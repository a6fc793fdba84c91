package wirelab.grading.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where Maven put a lab's compiled classes and test libraries, and which test classes are
 * public, hidden or race tests (read from the source roots they came from).
 */
public record LabBuild(Lab lab) {

    public Path solutionClasses() {
        return lab.solutionDir().resolve("target/classes");
    }

    public Path starterClasses() {
        return lab.starterDir().resolve("target/classes");
    }

    /** Public, hidden and race tests, compiled together by Maven. */
    public Path testClasses() {
        return lab.solutionDir().resolve("target/test-classes");
    }

    /** The test dependencies (JUnit, Awaitility, jcstress, the test kit...), from target/test.classpath. */
    public List<Path> testLibraries() {
        Path file = lab.solutionDir().resolve("target/test.classpath");
        try {
            String text = Files.readString(file).strip();
            return text.isEmpty() ? List.of()
                    : Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("no " + file + ": build the lab first (./mvnw process-test-classes)", e);
        }
    }

    public boolean isBuilt() {
        return Files.isDirectory(solutionClasses()) && Files.isRegularFile(lab.solutionDir().resolve("target/test.classpath"));
    }

    public List<String> publicTestClasses() {
        return topLevelClasses(lab.publicTests());
    }

    public List<String> hiddenTestClasses() {
        return topLevelClasses(lab.hiddenTests());
    }

    public List<String> raceTestClasses() {
        return topLevelClasses(lab.raceTests());
    }

    /** x/y/Z.java under root → x.y.Z, for every Java file (package-info excluded). */
    static List<String> topLevelClasses(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("package-info.java"))
                    .sorted()
                    .forEach(p -> {
                        String rel = root.relativize(p).toString().replace(java.io.File.separatorChar, '.');
                        out.add(rel.substring(0, rel.length() - ".java".length()));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
