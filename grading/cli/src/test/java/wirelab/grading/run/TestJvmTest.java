package wirelab.grading.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestJvmTest {

    @Test
    @DisplayName("System.exit in a test is a crash of that test, never a pass; the rest still run")
    void exitIsACrash(@TempDir Path work) {
        List<Path> cp = Arrays.stream(System.getProperty("java.class.path").split(":")).map(Path::of).toList();
        TestJvmSpec spec = new TestJvmSpec(Path.of(System.getProperty("java.home")), cp,
                List.of("--class", ExitFixture.class.getName()), Duration.ofSeconds(2), Duration.ofSeconds(60),
                256, work, 1 << 20);

        RunOutcome outcome = new TestJvm(Sandbox.PLAIN).run(spec);

        Map<String, TestResult> byId = outcome.results().stream()
                .collect(Collectors.toMap(r -> r.id().substring(r.id().indexOf('#') + 1), Function.identity()));
        assertEquals("passed", byId.get("test1_passes").status());
        assertEquals("crashed", byId.get("test2_exits").status());
        assertTrue(byId.get("test2_exits").message().contains("System.exit"), byId.get("test2_exits").message());
        assertEquals("failed", byId.get("test3_failsAfterTheExit").status());
        assertEquals("3", byId.get("test3_failsAfterTheExit").expected());
        assertEquals("timeout", byId.get("test4_hangs").status());
        assertEquals(5, outcome.results().size());
        assertEquals(3, outcome.jvms(), "the tests after the exit run in a second JVM, those after the timeout in a third");
        assertEquals(List.of("test1_passes", "test2_exits", "test3_failsAfterTheExit", "test4_hangs", "test5_ungradedPasses"),
                outcome.results().stream().map(r -> r.id().substring(r.id().indexOf('#') + 1).replace("()", "")).toList(),
                "the fresh JVM runs the rest of the list in the order it was due");
        assertEquals(1.0, outcome.earned());
        assertEquals(10.0, outcome.max());

        TestJvmSpec onlyFirst = new TestJvmSpec(spec.javaHome(), cp,
                List.of("--method", ExitFixture.class.getName() + "#test1_passes"), spec.perTest(), spec.wall(),
                256, work, 1 << 20);
        RunOutcome again = new TestJvm(Sandbox.PLAIN).run(onlyFirst);
        assertEquals(1, again.results().size(), "a second run in the same folder must read only its own events");
        assertEquals(1.0, again.max());
    }

    @Test
    @DisplayName("A test that breaks the run itself (no thread can start) is a crash at once, not a wait for the wall-clock limit")
    void aBrokenRunIsACrashOfItsTest(@TempDir Path work) {
        List<Path> cp = Arrays.stream(System.getProperty("java.class.path").split(":")).map(Path::of).toList();
        TestJvmSpec spec = new TestJvmSpec(Path.of(System.getProperty("java.home")), cp,
                List.of("--class", RunnerFailureFixture.class.getName()), Duration.ofSeconds(30), Duration.ofSeconds(600),
                256, work, 1 << 20);

        RunOutcome outcome = new TestJvm(Sandbox.PLAIN).run(spec);

        Map<String, TestResult> byId = outcome.results().stream()
                .collect(Collectors.toMap(r -> r.id().substring(r.id().indexOf('#') + 1), Function.identity()));
        TestResult broken = byId.get("test1_leavesAThreadAndRunsOutOfThreads");
        assertEquals("crashed", broken.status(), broken.message());
        assertTrue(broken.message().contains("unable to create native thread"), broken.message());
        assertEquals("passed", byId.get("test2_passes").status(), "the rest runs in a fresh JVM");
        assertEquals(2, outcome.jvms());
    }

    @Test
    @DisplayName("A test in whose run another test's leftover thread floods the output runs again, first, in a fresh JVM")
    void aFloodFromAnEarlierTestDoesNotCostTheTestThatWasRunning(@TempDir Path work) {
        List<Path> cp = Arrays.stream(System.getProperty("java.class.path").split(":")).map(Path::of).toList();
        TestJvmSpec spec = new TestJvmSpec(Path.of(System.getProperty("java.home")), cp,
                List.of("--class", FloodFixture.class.getName()), Duration.ofSeconds(30), Duration.ofSeconds(120),
                256, work, 1 << 20);

        RunOutcome outcome = new TestJvm(Sandbox.PLAIN).run(spec);

        Map<String, String> status = outcome.results().stream()
                .collect(Collectors.toMap(r -> r.id().substring(r.id().indexOf('#') + 1), TestResult::status));
        assertEquals(Map.of("test1_leavesAFlooderBehind", "passed", "test2_innocent", "passed"), status);
        assertEquals(2, outcome.jvms(), "the innocent test ran again alone in a fresh JVM");
        assertTrue(outcome.problems().stream().anyMatch(p -> p.startsWith("output limit")), outcome.problems().toString());
    }
}
