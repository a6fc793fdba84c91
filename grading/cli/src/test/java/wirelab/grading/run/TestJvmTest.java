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
    @DisplayName("Two JVMs sharing a queue give every test its verdict once: an exit crashes one test, the rest go on")
    void aSharedQueueGivesTheSameVerdicts(@TempDir Path work) throws Exception {
        List<Path> cp = Arrays.stream(System.getProperty("java.class.path").split(":")).map(Path::of).toList();
        String fixture = ExitFixture.class.getName();
        TestQueue queue = new TestQueue(List.of("test4_hangs", "test2_exits", "test1_passes", "test3_failsAfterTheExit",
                "test5_ungradedPasses", "noSuchMethod").stream().map(m -> Map.entry(fixture, "--method " + fixture + "#" + m)).toList());
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<RunOutcome>> runs = new java.util.ArrayList<>();
        for (String dir : List.of("a", "b")) {
            TestJvmSpec spec = new TestJvmSpec(Path.of(System.getProperty("java.home")), cp, List.of(),
                    Duration.ofSeconds(2), Duration.ofSeconds(60), 256, work.resolve(dir), 1 << 20);
            runs.add(two.submit(() -> new TestJvm(Sandbox.PLAIN).drain(spec, queue)));
        }
        List<TestResult> all = new java.util.ArrayList<>();
        int jvms = 0;
        for (java.util.concurrent.Future<RunOutcome> run : runs) {
            all.addAll(run.get().results());
            jvms += run.get().jvms();
        }
        two.shutdown();

        Map<String, String> status = all.stream()
                .collect(Collectors.toMap(r -> r.id().substring(r.id().indexOf('#') + 1).replace("()", ""), TestResult::status));
        assertEquals(Map.of("test1_passes", "passed", "test2_exits", "crashed", "test3_failsAfterTheExit", "failed",
                "test4_hangs", "timeout", "test5_ungradedPasses", "passed"), status, "one verdict per test, none lost or doubled");
        // a fresh JVM follows the exit and the timeout (its spinning thread must not slow the tests
        // after it) only if work is left: the other JVM may have drained the queue first (seen on a
        // loaded machine)
        assertTrue(jvms >= 2 && jvms <= 4, "two JVMs, and at most one fresh one after the exit and one after the timeout; were " + jvms);
        assertTrue(queue.isEmpty());
        assertEquals(List.of("--method " + fixture + "#noSuchMethod"), List.copyOf(queue.failures().keySet()),
                "a unit that cannot be discovered is reported, not run");
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
