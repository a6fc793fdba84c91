package wirelab.grading.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StuckTest {

    @Test
    @DisplayName("A test whose threads can never go on ends as stuck long before its limit; slow but moving tests pass")
    void stuckTestsEndEarlyAndSlowOnesPass(@TempDir Path work) {
        // the two fixtures in two JVMs at once: the slow ones take their time, the stuck ones restart JVMs
        CompletableFuture<RunOutcome> fine = CompletableFuture.supplyAsync(() -> run(SlowButFineFixture.class, work.resolve("fine")));
        RunOutcome stuck = run(StuckFixture.class, work.resolve("stuck"));

        Map<String, TestResult> stuckOnes = byName(stuck);
        assertEquals(6, stuckOnes.size(), stuckOnes.keySet().toString());
        stuckOnes.forEach((name, r) -> {
            // a test held in its own bounded wait fails, as at the wait's bound; any other times out
            assertEquals(name.startsWith("stuck6") ? "failed" : "timeout", r.status(), name + ": " + r.message());
            assertTrue(r.message().startsWith("stuck: "), name + ": " + r.message());
            assertTrue(r.threads() != null && !r.threads().isBlank(), name + ": a thread dump");
        });
        assertTrue(stuckOnes.get("stuck2_deadlockedTransfers").threads().contains("Deadlock"),
                stuckOnes.get("stuck2_deadlockedTransfers").threads());
        assertTrue(stuckOnes.get("stuck3_endlessLoop").message().contains("StuckFixture.stuck3_endlessLoop"),
                stuckOnes.get("stuck3_endlessLoop").message());
        assertTrue(stuckOnes.get("stuck4_poolTaskWaitsForever").message().contains("is an idle pool worker"),
                stuckOnes.get("stuck4_poolTaskWaitsForever").message());
        assertTrue(stuckOnes.get("stuck5_startsThreadsForever").message().contains("StuckFixture.stuck5_startsThreadsForever"),
                stuckOnes.get("stuck5_startsThreadsForever").message());
        assertTrue(stuckOnes.get("stuck6_waitsForAConditionNoThreadCanMakeTrue").message()
                .contains("the test's thread waited for 'take() to return an item'"),
                stuckOnes.get("stuck6_waitsForAConditionNoThreadCanMakeTrue").message());
        assertEquals(6, stuck.jvms(), "each stuck test ends its JVM, as a timeout does: the rest run in a fresh one");

        Map<String, TestResult> fineOnes = byName(fine.join());
        assertEquals(9, fineOnes.size(), fineOnes.keySet().toString());
        fineOnes.forEach((name, r) -> assertEquals("passed", r.status(), name + " is slow but never stuck: " + r.message()));
    }

    /** A short stuck window and a limit no test here may reach: a stuck verdict can only come from the watch. */
    private static RunOutcome run(Class<?> fixture, Path work) {
        List<Path> cp = Arrays.stream(System.getProperty("java.class.path").split(":")).map(Path::of).toList();
        return new TestJvm(Sandbox.PLAIN).run(new TestJvmSpec(Path.of(System.getProperty("java.home")), cp,
                List.of("--class", fixture.getName()), Duration.ofSeconds(120), Duration.ofSeconds(600), 256, work,
                1 << 20, List.of(), Duration.ofSeconds(1)));
    }

    private static Map<String, TestResult> byName(RunOutcome outcome) {
        return outcome.results().stream().collect(Collectors.toMap(
                r -> r.id().substring(r.id().indexOf('#') + 1).replace("()", ""), Function.identity()));
    }
}
