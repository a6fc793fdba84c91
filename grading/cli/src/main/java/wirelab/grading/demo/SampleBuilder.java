package wirelab.grading.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import wirelab.grading.course.Lab;
import wirelab.grading.files.Folders;

/**
 * Writes a sample as a student would hand it in: a folder with {@code src/main/java} holding the
 * base's main sources (the reference with its markers, which are comments, or the rendered
 * starter) with the sample's own files over them, plus the published tests. A sample file named
 * {@code X.java.diff} is a patch of the base's {@code X.java} ({@link SamplePatch}); any other
 * file replaces the base's file or adds a new one.
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
                Files.copy(zip, copy, StandardCopyOption.REPLACE_EXISTING);
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
                layOver(sample, lab, target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample's files over the base: whole files replace or add, patches change the base's file. */
    private static void layOver(Sample sample, Lab lab, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sample.dir().resolve("src"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String rel = sample.dir().relativize(f).toString().replace('\\', '/');
            if (!rel.endsWith(SamplePatch.SUFFIX)) {
                Path dest = target.resolve(rel);
                Files.createDirectories(dest.getParent());
                Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
                continue;
            }
            String patched = rel.substring(0, rel.length() - SamplePatch.SUFFIX.length());
            String baseShown = baseShown(sample, lab, patched);
            if (files.contains(sample.dir().resolve(patched))) {
                throw new IllegalArgumentException("sample " + sample.lab() + "/" + sample.name() + " holds both " + patched
                        + " and " + rel + ": keep the whole file or the patch, not both");
            }
            Path dest = target.resolve(patched);
            if (!Files.isRegularFile(dest)) {
                throw new IllegalArgumentException("sample " + sample.lab() + "/" + sample.name() + ": " + rel + " patches "
                        + baseShown + ", which does not exist: a class of the sample's own is a whole file, not a patch");
            }
            SamplePatch patch = new SamplePatch(sample, rel, Files.readString(f, StandardCharsets.UTF_8));
            Files.write(dest, patch.applyTo(Files.readAllBytes(dest), baseShown));
        }
    }

    /** Where a reader finds the file a patch changes: the reference's source, or the published starter's. */
    private static String baseShown(Sample sample, Lab lab, String rel) {
        return SamplePatch.shown((sample.onStarter() ? lab.starterDir() : lab.solutionDir()).resolve(rel));
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
