package wirelab.grading.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one forked test JVM runs: the class path (submission classes first, then the course's
 * test classes and libraries), which tests, and its limits.
 *
 * @param classpath     entries in order
 * @param selectors     runner selectors: "--class", "x.Y" or "--method", "x.Y#m" pairs flattened
 * @param perTest       JUnit's per-test timeout inside the JVM
 * @param wall          the harness's hard limit for the whole JVM
 * @param heapMegabytes -Xmx
 * @param workDir       the JVM's working directory (scratch, writable)
 * @param outputLimit   bytes of stdout+stderr kept; beyond it the JVM is killed
 * @param jvmOptions    extra JVM flags after the defaults (a later -XX flag wins), e.g. a CDS archive
 * @param stuckAfter    how long a test's threads may make no progress before the test ends as stuck
 *                      (a timeout verdict before its limit; zero: each test waits out its limit)
 */
public record TestJvmSpec(
        Path javaHome,
        List<Path> classpath,
        List<String> selectors,
        Duration perTest,
        Duration wall,
        int heapMegabytes,
        Path workDir,
        long outputLimit,
        List<String> jvmOptions,
        Duration stuckAfter) {

    /** Without extra JVM flags. */
    public TestJvmSpec(Path javaHome, List<Path> classpath, List<String> selectors, Duration perTest, Duration wall,
            int heapMegabytes, Path workDir, long outputLimit) {
        this(javaHome, classpath, selectors, perTest, wall, heapMegabytes, workDir, outputLimit, List.of());
    }

    /** Every test waits out its limit: no stuck check. */
    public TestJvmSpec(Path javaHome, List<Path> classpath, List<String> selectors, Duration perTest, Duration wall,
            int heapMegabytes, Path workDir, long outputLimit, List<String> jvmOptions) {
        this(javaHome, classpath, selectors, perTest, wall, heapMegabytes, workDir, outputLimit, jvmOptions, Duration.ZERO);
    }
}
