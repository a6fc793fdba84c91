package wirelab.grading.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.compile.JavaCompile;

/** A test class's fingerprint follows exactly the submission bytes its tests can run. */
class TestInputsTest {

    @TempDir
    Path dir;

    /** Sources of a tiny submission: Shop uses Till (and its nested Receipt); Clock is used by no test. */
    private final Map<String, String> submission = new java.util.TreeMap<>(Map.of(
            "Shop", "package wirelab.demo; public class Shop { public int sell() { return new Till().ring(); } }",
            "Till", "package wirelab.demo; class Till { int ring() { return new Receipt().total; }"
                    + " static class Receipt { int total = 1; } }",
            "Clock", "package wirelab.demo; public class Clock { public long now() { return 1; } }"));

    private TestInputs inputs;

    @BeforeEach
    void courseTests() throws IOException {
        // the course's tests: ShopTest uses Shop through a helper; ClockTest uses Clock; NewTest names a class the submission may lack
        Path tests = compile("tests", Map.of(
                "ShopTest", "package wirelab.demo; class ShopTest { int t() { return Helper.sell(); } }",
                "Helper", "package wirelab.demo; class Helper { static int sell() { return new Shop().sell(); } }",
                "ClockTest", "package wirelab.demo; class ClockTest { long t() { return new Clock().now(); } }",
                "NewTest", "package wirelab.demo; class NewTest { Object t() { return new Extra(); } }",
                "Extra", "package wirelab.demo; class Extra { }"), List.of(compileSubmission("ref")));
        // Extra was only there to compile NewTest: it is the submission's, not the course's
        Files.delete(tests.resolve("wirelab/demo/Extra.class"));
        inputs = TestInputs.of("demo", tests, "bundle|settings").orElseThrow();
    }

    @Test
    void aTestClassReachesTheClassesItsTestsRunThroughHelpersAndNestedClasses() throws IOException {
        Path classes = compileSubmission("a");
        Map<String, java.util.Set<String>> own = TestInputs.references(classes).orElseThrow();
        Set<String> present = Set.of("wirelab.demo.Shop", "wirelab.demo.Till", "wirelab.demo.Till$Receipt",
                "wirelab.demo.Clock");
        assertEquals(Set.of("wirelab.demo.Shop", "wirelab.demo.Till", "wirelab.demo.Till$Receipt"),
                inputs.reached("wirelab.demo.ShopTest", own, present));
        assertEquals(Set.of("wirelab.demo.Clock"), inputs.reached("wirelab.demo.ClockTest", own, present));
        assertEquals(Set.of("wirelab.demo.Extra"), inputs.reached("wirelab.demo.NewTest", own, present),
                "a class the submission lacks is still an input (its absence)");
    }

    @Test
    void changingAClassChangesTheFingerprintOfEveryTestClassThatRunsItAndNoOther() throws IOException {
        Map<String, String> before = prints(compileSubmission("a"));
        assertEquals(before, prints(compileSubmission("same")), "the same bytes, the same fingerprints");

        submission.put("Till", submission.get("Till").replace("total = 1", "total = 2"));
        Map<String, String> nested = prints(compileSubmission("nested"));
        assertNotEquals(before.get("wirelab.demo.ShopTest"), nested.get("wirelab.demo.ShopTest"),
                "a nested class two steps away changed");
        assertEquals(before.get("wirelab.demo.ClockTest"), nested.get("wirelab.demo.ClockTest"));

        submission.put("Clock", submission.get("Clock").replace("return 1", "return 2"));
        Map<String, String> clock = prints(compileSubmission("clock"));
        assertNotEquals(nested.get("wirelab.demo.ClockTest"), clock.get("wirelab.demo.ClockTest"));
        assertEquals(nested.get("wirelab.demo.ShopTest"), clock.get("wirelab.demo.ShopTest"));
    }

    @Test
    void aMissingClassAndAnyOtherFileOfTheSubmissionAreInputsToo() throws IOException {
        Path classes = compileSubmission("a");
        Map<String, String> without = prints(classes);
        submission.put("Extra", "package wirelab.demo; class Extra { }");
        Map<String, String> with = prints(compileSubmission("extra"));
        assertNotEquals(without.get("wirelab.demo.NewTest"), with.get("wirelab.demo.NewTest"));
        assertEquals(without.get("wirelab.demo.ShopTest"), with.get("wirelab.demo.ShopTest"));

        Files.writeString(classes.resolve("wirelab/demo/prices.txt"), "1");
        Map<String, String> resource = prints(classes);
        without.keySet().forEach(t -> assertNotEquals(without.get(t), resource.get(t), t));
    }

    @Test
    void theGradingsSettingsAreInEveryFingerprint() throws IOException {
        Path classes = compileSubmission("a");
        TestInputs other = TestInputs.of("demo", dir.resolve("tests"), "bundle|other settings").orElseThrow();
        Map<String, String> a = prints(classes);
        Map<String, String> b = other.fingerprints(classes, a.keySet());
        a.keySet().forEach(t -> assertNotEquals(a.get(t), b.get(t), t));
        assertTrue(a.values().stream().distinct().count() == a.size(), "each test class its own fingerprint");
    }

    private Map<String, String> prints(Path classes) {
        return inputs.fingerprints(classes, List.of("wirelab.demo.ShopTest", "wirelab.demo.ClockTest",
                "wirelab.demo.NewTest"));
    }

    private Path compileSubmission(String name) throws IOException {
        return compile("sub-" + name, submission, List.of());
    }

    private Path compile(String name, Map<String, String> sources, List<Path> classpath) throws IOException {
        Path src = dir.resolve(name + "-src/wirelab/demo");
        Files.createDirectories(src);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            files.add(Files.writeString(src.resolve(e.getKey() + ".java"), e.getValue()));
        }
        Path out = dir.resolve(name);
        JavaCompile.Outcome o = JavaCompile.compile(dir.resolve(name + "-src"), files, classpath, out, false);
        assertTrue(o.problems().stream().noneMatch(p -> p.kind().equals("error")), o.problems().toString());
        return out;
    }
}
