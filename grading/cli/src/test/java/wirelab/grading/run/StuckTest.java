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

class StuckTest {

    @Test
    @DisplayName("A test whose threads can never go on ends as stuck long before its limit; slow but moving tests pass")
    void stuckTestsEndEarlyAndSlowOnesPass(@TempDir Path work) {
        List<Path> cp = Arrays.stream(System.getProperty("java.class.path").split(":")).map(Path::of).toList();
        // a limit no test here may reach: a stuck verdict can only come from the watch
        Duration limit = Duration.ofSeconds(120);
        TestJvmSpec spec = new TestJvmSpec(Path.of(System.getProperty("java.home")), cp,
                List.of("--class", StuckFixture.class.getName()), limit, Duration.ofSeconds(600), 256, work, 1 << 20,
                List.of(), Duration.ofSeconds(1));

        RunOutcome outcome = new TestJvm(Sandbox.PLAIN).run(spec);

        Map<String, TestResult> byName = outcome.results().stream()
                .collect(Collectors.toMap(r -> r.id().substring(r.id().indexOf('#') + 1).replace("()", ""),
                        Function.identity()));
        assertEquals(10, byName.size(), byName.keySet().toString());
        byName.forEach((name, r) -> System.out.println(name + " " + r.status() + " " + r.millis() + " ms: " + r.message()));
        byName.forEach((name, r) -> {
            if (name.startsWith("stuck")) {
                assertEquals("timeout", r.status(), name + ": " + r.message());
                assertTrue(r.message().startsWith("stuck: "), name + ": " + r.message());
                assertTrue(r.threads() != null && !r.threads().isBlank(), name + ": a thread dump");
            } else {
                assertEquals("passed", r.status(), name + " is slow but never stuck: " + r.message());
            }
        });
        assertTrue(byName.get("stuck2_deadlockedTransfers").threads().contains("Deadlock"),
                byName.get("stuck2_deadlockedTransfers").threads());
        assertTrue(byName.get("stuck3_endlessLoop").message().contains("StuckFixture.stuck3_endlessLoop"),
                byName.get("stuck3_endlessLoop").message());
        assertEquals(4, outcome.jvms(), "each stuck test ends its JVM, as a timeout does: the rest run in a fresh one");
    }
}
