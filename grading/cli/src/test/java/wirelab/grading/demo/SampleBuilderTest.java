package wirelab.grading.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.publish.StarterRenderer;

class SampleBuilderTest {

    static final String BUFFER = "src/main/java/toy/Buffer.java";

    static final String BASE = """
            package toy;

            public class Buffer {
                private int size;

                public synchronized void put() throws InterruptedException {
                    // BEGIN SOLUTION
                    while (size == 1) {
                        wait();
                    }
                    size++;
                    notifyAll();
                    // END SOLUTION
                }

                public synchronized int size() {
                    return size;
                }
            }
            """;

    @TempDir
    Path tmp;

    /** A lab of one class whose reference is {@link #BASE}, and a published test. */
    private Lab lab() throws Exception {
        Path solution = tmp.resolve("solutions/toy");
        write(solution.resolve(BUFFER), BASE);
        return new Lab("toy", solution, tmp.resolve("labs/toy"), new Properties());
    }

    private static final Map<String, byte[]> PUBLISHED = Map.of(
            BUFFER, BASE.replace("while (size == 1)", "while (false)").getBytes(StandardCharsets.UTF_8),
            "src/test/java/toy/BufferTest.java", "package toy;\nclass BufferTest {}\n".getBytes(StandardCharsets.UTF_8));

    private Sample sample(String name, String base) throws Exception {
        Path dir = tmp.resolve("samples/toy").resolve(name);
        write(dir.resolve("sample.properties"), "base=" + base + "\ndescription=d\nexpect=e\nlost=3\n");
        return Sample.load("toy", dir);
    }

    /** The authoring command of docs/instructors.md: diff -u BASE MINE > the patch, where the file would stand. */
    private static void diffU(Path base, Path mine, Path patch) throws Exception {
        Files.createDirectories(patch.getParent());
        Process p = new ProcessBuilder("diff", "-u", base.toString(), mine.toString())
                .redirectOutput(patch.toFile()).redirectErrorStream(false).start();
        assertEquals(1, p.waitFor(), "diff -u exits 1 when the files differ");
    }

    private Path mistake(Lab lab, Sample s, String mine) throws Exception {
        Path copy = write(tmp.resolve("mine/Buffer.java"), mine);
        Path patch = s.dir().resolve(BUFFER + ".diff");
        diffU(lab.mainSources().resolve("toy/Buffer.java"), copy, patch);
        return patch;
    }

    @Test
    @DisplayName("a patch made with diff -u applies to the reference: the submission holds the mistake, the rest of the base and the published tests")
    void aPatchApplies() throws Exception {
        Lab lab = lab();
        Sample s = sample("if-not-while", "solution");
        String mine = BASE.replace("while (size == 1)", "if (size == 1)").replace("notifyAll()", "notify()");
        mistake(lab, s, mine);
        Path built = SampleBuilder.build(s, lab, PUBLISHED, tmp.resolve("built"));
        assertEquals(mine, Files.readString(built.resolve(BUFFER)));
        assertTrue(Files.isRegularFile(built.resolve("src/test/java/toy/BufferTest.java")));
        assertFalse(Files.exists(built.resolve(BUFFER + ".diff")), "the patch is applied, not handed in");
    }

    @Test
    @DisplayName("a patch applies to the starter when the sample's base is the starter")
    void aPatchAppliesToTheStarter() throws Exception {
        Lab lab = lab();
        Sample s = sample("starter-fix", "starter");
        String starter = new String(PUBLISHED.get(BUFFER), StandardCharsets.UTF_8);
        Path base = write(lab.starterDir().resolve(BUFFER), starter);
        String mine = starter.replace("size++;", "size += 2;");
        diffU(base, write(tmp.resolve("mine/Buffer.java"), mine), s.dir().resolve(BUFFER + ".diff"));
        Path built = SampleBuilder.build(s, lab, PUBLISHED, tmp.resolve("built"));
        assertEquals(mine, Files.readString(built.resolve(BUFFER)));
    }

    /** What building a sample says when the reference became {@code changed} after its patch was made. */
    private String staleWhenTheBaseBecomes(String changed) throws Exception {
        Lab lab = lab();
        Sample s = sample("if-not-while", "solution");
        mistake(lab, s, BASE.replace("notifyAll()", "notify()"));
        write(lab.mainSources().resolve("toy/Buffer.java"), changed);
        return assertThrows(IllegalArgumentException.class, () -> SampleBuilder.build(s, lab, PUBLISHED, tmp.resolve("built")))
                .getMessage();
    }

    @Test
    @DisplayName("a patch the base changed under fails the sample, naming the sample, the patch, the hunk and the line, and says how to make it again")
    void aStalePatchFails() throws Exception {
        String m = staleWhenTheBaseBecomes(BASE.replace("size++;", "size += 1;"));
        for (String said : List.of("sample toy/if-not-while", BUFFER + ".diff", "hunk 1 of 1", "@@ -",
                "line 11 of the base reads \"size += 1;\", the hunk expects \"size++;\"", "diff -u ")) {
            assertTrue(m.contains(said), "the message must say " + said + ":\n" + m);
        }
    }

    @Test
    @DisplayName("a patch is applied strictly: a hunk that moved by a line fails, it is not placed with an offset")
    void aMovedHunkFails() throws Exception {
        String m = staleWhenTheBaseBecomes(BASE.replace("package toy;\n", "package toy;\n\n"));
        assertTrue(m.contains("hunk 1 of 1"), m);
    }

    @Test
    @DisplayName("whole files still lay over the base: one replaces the base's file, a class of the sample's own is added")
    void wholeFilesLayOver() throws Exception {
        Lab lab = lab();
        Sample s = sample("own-classes", "starter");
        String own = "package toy;\n\npublic class Buffer {\n}\n";
        write(s.dir().resolve(BUFFER), own);
        write(s.dir().resolve("src/main/java/toy/Helper.java"), "package toy;\n\nclass Helper {\n}\n");
        Path built = SampleBuilder.build(s, lab, PUBLISHED, tmp.resolve("built"));
        assertEquals(own, Files.readString(built.resolve(BUFFER)));
        assertTrue(Files.isRegularFile(built.resolve("src/main/java/toy/Helper.java")));
    }

    @Test
    @DisplayName("a zip sample is handed in as the zip itself, byte for byte")
    void zipSamplesAreUnchanged() throws Exception {
        Lab lab = lab();
        Sample s = sample("zipped", "solution");
        byte[] zip = {'P', 'K', 3, 4, 1, 2, 3};
        Files.write(s.dir().resolve("submission.zip"), zip);
        Path built = SampleBuilder.build(s, lab, PUBLISHED, tmp.resolve("built"));
        assertEquals(tmp.resolve("built/zipped.zip"), built);
        assertArrayEquals(zip, Files.readAllBytes(built));
    }

    @Test
    @DisplayName("a patch and a whole file for one file, a patch of a file the base lacks, and a patch without hunks are refused")
    void confusedSamplesAreRefused() throws Exception {
        Lab lab = lab();
        Sample both = sample("both", "solution");
        mistake(lab, both, BASE.replace("notifyAll()", "notify()"));
        write(both.dir().resolve(BUFFER), BASE);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SampleBuilder.build(both, lab, PUBLISHED, tmp.resolve("b")))
                .getMessage().contains("not both"));
        Sample missing = sample("missing", "solution");
        write(missing.dir().resolve("src/main/java/toy/Helper.java.diff"), "@@ -1 +1 @@\n-a\n+b\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SampleBuilder.build(missing, lab, PUBLISHED, tmp.resolve("b")))
                .getMessage().contains("which does not exist"));
        Sample junk = sample("junk", "solution");
        write(junk.dir().resolve(BUFFER + ".diff"), "change the while into an if\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SampleBuilder.build(junk, lab, PUBLISHED, tmp.resolve("b")))
                .getMessage().contains("holds no hunk"));
    }

    @Test
    @DisplayName("every sample of grading/samples builds: no patch is stale against the current reference or starter")
    void everySampleOfTheCourseBuilds() throws Exception {
        Course course = Course.locate();
        List<String> problems = new ArrayList<>();
        int patches = 0;
        for (Lab lab : course.labList()) {
            Path dir = course.root().resolve("grading/samples").resolve(lab.name());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            Map<String, byte[]> published = new StarterRenderer(course).render(lab);
            try (Stream<Path> samples = Files.list(dir)) {
                for (Path d : samples.filter(Files::isDirectory).sorted().toList()) {
                    try (Stream<Path> files = Files.walk(d)) {
                        patches += (int) files.filter(f -> f.toString().endsWith(".diff")).count();
                    }
                    try {
                        SampleBuilder.build(Sample.load(lab.name(), d), lab, published, tmp.resolve(lab.name()));
                    } catch (IllegalArgumentException e) {
                        problems.add(e.getMessage());
                    }
                }
            }
        }
        assertTrue(patches > 0, "no sample states its mistake as a patch: is the walk looking in the right place?");
        assertEquals(List.of(), problems);
    }

    private static Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
