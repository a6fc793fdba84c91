package wirelab.grading.race;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import wirelab.grading.run.Sandbox;
import wirelab.grading.run.TestJvmSpec;
import wirelab.grading.run.WorkFiles;

/**
 * Runs all of a lab's jcstress tests in ONE jcstress invocation, from a scratch folder (jcstress
 * writes its results there), under a wall-clock limit, and parses the per-test verdicts.
 *
 * <p>The budget: {@code -sc false -f 1 -iters 1 -time 200} (one fork, one 200 ms iteration per
 * test, no CPU-count scaling) caught every racy starter of the threads lab in every run
 * (docs/benchmarks.md) in seconds per test; jcstress's defaults take hours.
 */
public final class JcstressRun {

    public static final List<String> BUDGET = List.of("-sc", "false", "-f", "1", "-iters", "1", "-time", "200");

    /**
     * The verdicts, or why there are none (timeout, crash, a limit), the output's end for feedback,
     * and what the sandbox found left behind (processes, files outside the folder).
     */
    public record Report(Map<String, RaceVerdict> verdicts, String problem, String outputTail, long millis,
            List<String> leftBehind) {
    }

    private JcstressRun() {
    }

    public static Report run(Path javaHome, List<Path> classpath, Path scratch, Duration wall, Sandbox sandbox) {
        return run(javaHome, classpath, scratch, wall, sandbox, List.of());
    }

    /** @param only the test classes to run (jcstress's -t); empty: all of them */
    public static Report run(Path javaHome, List<Path> classpath, Path scratch, Duration wall, Sandbox sandbox,
            List<String> only) {
        long start = System.nanoTime();
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(":")));
        command.add("org.openjdk.jcstress.Main");
        command.addAll(BUDGET);
        command.add("-v");
        if (!only.isEmpty()) {
            command.add("-t");
            command.add("^(?:" + only.stream().map(java.util.regex.Pattern::quote).collect(Collectors.joining("|")) + ")$");
        }
        command.add("-jvmArgs");
        command.add(String.join(" ", forkedJvmArgs(javaHome)));
        try {
            Files.createDirectories(scratch);
            Path log = scratch.resolve("jcstress.log");
            TestJvmSpec spec = new TestJvmSpec(javaHome, classpath, List.of(), wall, wall, 256, scratch, 1 << 20);
            Process p = new ProcessBuilder(sandbox.wrap(command, spec))
                    .directory(scratch.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String problem = null;
            long deadline = System.nanoTime() + wall.toNanos();
            while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
                String over = sandbox.exceeded(spec, p.toHandle());
                if (over != null || System.nanoTime() > deadline) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                    problem = over != null ? over : "the race tests did not finish within " + wall.toSeconds() + " s";
                    break;
                }
            }
            // before the log is read: nothing jcstress's JVMs started may still write it
            List<String> leftBehind = sandbox.ended(spec);
            String output = WorkFiles.read(log, 64L << 20).orElse("");
            Map<String, RaceVerdict> verdicts = JcstressOutput.parse(output);
            if (problem == null && verdicts.isEmpty()) {
                problem = "jcstress printed no results (exit code " + p.exitValue() + ")";
            }
            return new Report(verdicts, problem, tail(output, 40), (System.nanoTime() - start) / 1_000_000, leftBehind);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run jcstress", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Flags for the JVMs jcstress forks: small heap; native access on JDK 22+ (jcstress needs it). */
    static List<String> forkedJvmArgs(Path javaHome) {
        List<String> args = new ArrayList<>(List.of("-Xmx256m"));
        if (featureVersion(javaHome) >= 22) {
            args.add("--enable-native-access=ALL-UNNAMED");
        }
        return args;
    }

    /** The Java feature version of a JDK folder, from its release file (17 when unknown). */
    public static int featureVersion(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return 17;
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
