package wirelab.grading.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.files.Folders;
import wirelab.grading.publish.StarterRenderer;

class SimilarityTest {

    @TempDir
    Path tmp;

    static final Course COURSE = Course.locate();

    /** A class of four for the sockets lab: alice solved it, bob copied alice, carol and dave handed in the starter. */
    Path plantClass() throws IOException {
        Lab lab = COURSE.requireLab("sockets");
        Path subs = tmp.resolve("class");
        Folders.copy(lab.mainSources(), subs.resolve("alice/src/main/java"));
        Folders.copy(lab.mainSources(), subs.resolve("bob/src/main/java"));
        Folders.copy(lab.publicTests(), subs.resolve("bob/src/test/java"));   // tests are never compared
        for (String s : List.of("carol", "dave")) {
            for (Map.Entry<String, byte[]> e : new StarterRenderer(COURSE).render(lab).entrySet()) {
                if (e.getKey().startsWith("src/main/java/")) {
                    Path f = subs.resolve(s).resolve(e.getKey());
                    Files.createDirectories(f.getParent());
                    Files.write(f, e.getValue());
                }
            }
        }
        return subs;
    }

    @Test
    void preparesTheStarterAsBaseCodeAndOnlyMainSources() throws Exception {
        Path work = tmp.resolve("work");
        assertEquals(4, Similarity.prepare(COURSE, COURSE.requireLab("sockets"), List.of(plantClass()), work));
        try (Stream<Path> base = Files.walk(work.resolve("base"))) {
            List<Path> java = base.filter(p -> p.toString().endsWith(".java")).toList();
            assertFalse(java.isEmpty());
            for (Path p : java) {
                assertFalse(Files.readString(p).contains("BEGIN SOLUTION"), "the base code is the starter, not the solution: " + p);
            }
        }
        try (Stream<Path> bob = Files.walk(work.resolve("submissions/bob"))) {
            assertTrue(bob.noneMatch(p -> p.toString().contains("/src/test/")), "tests must not be compared");
        }
    }

    @Test
    void findsAJdkForJplagOrSaysSo() {
        Optional<Jdks.Jdk> jdk = Jdks.newest(Similarity.MIN_JAVA, null);
        jdk.ifPresent(j -> assertTrue(j.feature() >= 21));
        assertTrue(Jdks.newest(Similarity.MIN_JAVA, tmp).isEmpty(), "a folder without a JDK is no JDK");
    }

    /**
     * End to end through JPlag in its own JVM (builds grading/similarity with a JDK 21+ once):
     * opt in with -Dwirelab.similarity.e2e=true; grading/similarity's own test covers JPlag in CI.
     */
    @Test
    void flagsTheCopiedPairAndNotTheStarterEndToEnd() throws Exception {
        assumeTrue(Boolean.getBoolean("wirelab.similarity.e2e"), "opt in with -Dwirelab.similarity.e2e=true");
        Optional<Jdks.Jdk> jdk = Jdks.newest(Similarity.MIN_JAVA, null);
        assumeTrue(jdk.isPresent(), "no JDK 21+ here");
        Path work = tmp.resolve("work");
        Similarity.prepare(COURSE, COURSE.requireLab("sockets"), List.of(plantClass()), work);
        Path out = tmp.resolve("out");
        assertEquals(0, new Similarity(COURSE, jdk.get()).run(work, out, 9, 20));
        List<String> pairs = Files.readAllLines(out.resolve("pairs.csv"));
        assertTrue(pairs.get(1).matches("(alice,bob|bob,alice),(0\\.9|1\\.0).*"), "the copied pair must come first: " + pairs);
        for (String line : pairs.subList(2, pairs.size())) {
            assertTrue(Double.parseDouble(line.split(",")[2]) < 0.3, "only the copied pair may score high: " + pairs);
        }
        assertTrue(Files.readString(out.resolve("report.html")).contains("alice"));
    }

}
