package wirelab.grading.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import wirelab.grading.course.Lab;
import wirelab.grading.files.Folders;

/**
 * Writes a sample as a student would hand it in: a folder with {@code src/main/java} holding the
 * base's main sources (the reference with its markers, which are comments, or the rendered
 * starter) with the sample's own files laid over them, plus the published tests.
 */
public final class SampleBuilder {

    private SampleBuilder() {
    }

    /** @param published the rendered starter of the lab ("src/main/java/...", "src/test/java/..." → content) */
    public static Path build(Sample sample, Lab lab, Map<String, byte[]> published, Path into) {
        Path target = into.resolve(sample.name());
        try {
            Path zip = sample.dir() == null ? null : sample.dir().resolve("submission.zip");
            if (zip != null && Files.isRegularFile(zip)) {
                // handed in as a zip: graded as the zip itself (intake unpacks it, or refuses it)
                Files.createDirectories(into);
                Path copy = into.resolve(sample.name() + ".zip");
                Files.copy(zip, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return copy;
            }
            Folders.delete(target);
            Files.createDirectories(target);
            if (sample.onStarter()) {
                for (Map.Entry<String, byte[]> e : published.entrySet()) {
                    if (e.getKey().startsWith("src/main/")) {
                        write(target.resolve(e.getKey()), e.getValue());
                    }
                }
            } else if (Files.isDirectory(lab.mainSources())) {
                Folders.copy(lab.mainSources(), target.resolve("src/main/java"));
            }
            for (Map.Entry<String, byte[]> e : published.entrySet()) {
                if (e.getKey().startsWith("src/test/")) {
                    write(target.resolve(e.getKey()), e.getValue());
                }
            }
            if (sample.dir() != null && Files.isDirectory(sample.dir().resolve("src"))) {
                try (Stream<Path> walk = Files.walk(sample.dir().resolve("src"))) {
                    for (Path f : walk.filter(Files::isRegularFile).toList()) {
                        Path dest = target.resolve(sample.dir().relativize(f).toString());
                        Files.createDirectories(dest.getParent());
                        Files.copy(f, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
