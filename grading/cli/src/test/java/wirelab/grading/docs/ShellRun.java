package wirelab.grading.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A documented command line run through bash in a folder, as a reader types it: its exit code and output. */
record ShellRun(int exit, String out) {

    /** Runs it on this JVM's JDK; a run over the limit fails the test with what it printed so far. */
    static ShellRun of(Path dir, String command, Duration limit) throws IOException, InterruptedException {
        Path log = Files.createTempFile("wirelab-shell", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process p = pb.start();
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + limit.toMinutes() + " minutes:\n" + Files.readString(log));
            }
            return new ShellRun(p.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    String tail(int n) {
        List<String> lines = out.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
