package wirelab.grading.overlay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Decides what of a submission counts: only the student's main sources of the lab
 * ({@code src/main/java/wirelab/<lab>/**.java}), copied into the grading folder. Tests, poms and the
 * test kit always come from the course; a submission's edited or added tests change nothing, but
 * they are listed so the report can say so.
 */
public final class Overlay {

    static final long MAX_FILE_BYTES = 512 * 1024;

    /**
     * @param sources      relative path under src/main/java → the copied file
     * @param ignored      files of the submission that do not count (outside the lab's package, not Java, links)
     * @param editedTests  the course's test files the student changed, added or removed
     */
    public record Result(Path sourceRoot, Map<String, Path> sources, List<String> ignored, List<String> editedTests) {
    }

    private final String lab;
    private final Map<String, byte[]> courseTests;

    /** @param courseTests the published test files, "src/test/java/..." → content */
    public Overlay(String lab, Map<String, byte[]> courseTests) {
        this.lab = lab;
        this.courseTests = courseTests;
    }

    public Result apply(Path labRoot, Path into) {
        Map<String, Path> sources = new TreeMap<>();
        List<String> ignored = new ArrayList<>();
        Path main = labRoot.resolve("src/main/java");
        String pkg = "wirelab/" + lab + "/";
        try {
            Files.createDirectories(into);
            for (Map.Entry<String, Path> e : files(main).entrySet()) {
                String rel = e.getKey();
                Path file = e.getValue();
                if (Files.isSymbolicLink(file)) {
                    ignored.add("src/main/java/" + rel + " (a symbolic link)");
                } else if (!rel.endsWith(".java") || !rel.startsWith(pkg)) {
                    ignored.add("src/main/java/" + rel + " (not a Java file of package wirelab." + lab + ")");
                } else if (Files.size(file) > MAX_FILE_BYTES) {
                    ignored.add("src/main/java/" + rel + " (larger than " + MAX_FILE_BYTES / 1024 + " KiB)");
                } else {
                    Path copy = into.resolve(rel);
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                    sources.put(rel, copy);
                }
            }
            return new Result(into, sources, ignored, editedTests(labRoot));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> editedTests(Path labRoot) throws IOException {
        List<String> edited = new ArrayList<>();
        Map<String, Path> theirs = new LinkedHashMap<>();
        files(labRoot.resolve("src/test/java")).forEach((rel, p) -> theirs.put("src/test/java/" + rel, p));
        if (theirs.isEmpty()) {
            return edited;    // tests not handed in at all: nothing to say
        }
        for (Map.Entry<String, Path> e : theirs.entrySet()) {
            byte[] ours = courseTests.get(e.getKey());
            if (ours == null) {
                edited.add("added    " + e.getKey());
            } else if (Files.isSymbolicLink(e.getValue()) || !sameText(ours, Files.readAllBytes(e.getValue()))) {
                edited.add("edited   " + e.getKey());
            }
        }
        for (String ours : courseTests.keySet()) {
            if (ours.startsWith("src/test/java/") && !theirs.containsKey(ours)) {
                edited.add("removed  " + ours);
            }
        }
        return edited;
    }

    private static boolean sameText(byte[] a, byte[] b) {
        return Arrays.equals(a, b) || new String(a).replace("\r\n", "\n").equals(new String(b).replace("\r\n", "\n"));
    }

    /** Regular files and links under {@code dir}, by relative path with '/'; links are not followed. */
    private static Map<String, Path> files(Path dir) throws IOException {
        Map<String, Path> out = new TreeMap<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .forEach(p -> out.put(dir.relativize(p).toString().replace('\\', '/'), p));
        }
        return out;
    }
}
