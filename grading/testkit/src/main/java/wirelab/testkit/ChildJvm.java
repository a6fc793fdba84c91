package wirelab.testkit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe of the student's code in a second JVM configured unlike the test JVM (another
 * default charset, time zone or language, a hosts file): things fixed for a JVM's lifetime can
 * only be varied so (the sockets and dispatcher labs' HiddenPlatformTest).
 * The child gets the same class path, and prints one line per check: {@code PASS name} or
 * {@code FAIL name: what happened}.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** The child's output lines; when it does not end within 25 s, what it printed until then and a FAIL line. */
    public static List<String> run(List<String> jvmOptions, Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-XX:SharedArchiveFile=")) {
                command.add(option); // start as fast as the test JVM did
            }
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Path output = Files.createTempFile("child-jvm", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(25, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                List<String> lines = new ArrayList<>(read(output).lines().toList());
                lines.add("FAIL probe: the second JVM had not ended after 25 s");
                return lines;
            }
            return read(output).lines().toList();
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String read(Path output) throws IOException {
        String text = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
        return text.length() > 4000 ? text.substring(0, 4000) + "..." : text;
    }

    /**
     * The FAIL lines of a probe's output among the checks whose names start with one of
     * {@code checks}, or a complaint when fewer than {@code expected} of them reported.
     */
    public static List<String> failures(List<String> lines, int expected, String... checks) {
        List<String> failed = new ArrayList<>();
        int reported = 0;
        for (String line : lines) {
            String name = line.length() > 5 ? line.substring(5) : "";
            if (java.util.Arrays.stream(checks).noneMatch(name::startsWith)) {
                continue;
            }
            if (line.startsWith("PASS ")) {
                reported++;
            } else if (line.startsWith("FAIL ")) {
                reported++;
                failed.add(line.substring(5));
            }
        }
        if (reported < expected) {
            failed.add("the probe reported " + reported + " of " + expected + " checks; it printed:\n"
                    + String.join("\n", lines));
        }
        return failed;
    }
}
