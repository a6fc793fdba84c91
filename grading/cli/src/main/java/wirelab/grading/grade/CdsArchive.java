package wirelab.grading.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import wirelab.grading.compile.LabBundle;
import wirelab.grading.run.Sandbox;
import wirelab.grading.run.TestJvm;
import wirelab.grading.run.TestJvmSpec;

/**
 * The class-data-sharing archive every graded test JVM of a lab starts from, written once per lab
 * bundle from the classes the reference's run loaded.
 */
final class CdsArchive {

    private CdsArchive() {
    }

    static void keepClassList(Path classList, LabBundle bundle) {
        try {
            if (Files.isRegularFile(classList)) {
                Files.createDirectories(bundle.classList().getParent());
                Files.copy(classList, bundle.classList(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // no list: the archive is made the older way (see write)
        }
    }

    /**
     * Writes the class-data-sharing archive every later test JVM starts from (a faster start for
     * every JVM). The class path at dump time is the tests jar and the libraries, no folder,
     * so that it is a prefix of every grading's class path.
     *
     * <p>Best: a static archive of every class the reference's run loaded (JDK and libraries;
     * the reference's own classes are not on that class path and are left out). It starts a test
     * JVM faster than the fallback (docs/benchmarks.md), a dynamic archive of a run of the tests
     * WITHOUT any code under test, which fails at once and so never loads the HTTP client, RMI or
     * the rest the real tests need.
     */
    static void write(LabBundle bundle, Baseline baseline, Path javaHome, GradeOptions options, Path work) {
        Path tmp = bundle.cdsArchive().resolveSibling("app.jsa.tmp");
        if (Files.isRegularFile(bundle.classList()) && dumpStatic(bundle, javaHome, tmp)) {
            install(tmp, bundle);
            return;
        }
        dumpDynamic(bundle, baseline, javaHome, options, work, tmp);
        install(tmp, bundle);
    }

    /** {@code java -Xshare:dump} from the reference's class list; only course jars are on the class path, no code runs. */
    private static boolean dumpStatic(LabBundle bundle, Path javaHome, Path tmp) {
        List<String> cp = TestJvmCommand.courseClasspath(bundle).stream().map(Path::toString).toList();
        Path log = bundle.dir().resolve("cds-dump.log");
        try {
            Files.createDirectories(tmp.getParent());
            Process p = new ProcessBuilder(javaHome.resolve("bin/java").toString(), "-Xshare:dump",
                    "-XX:SharedClassListFile=" + bundle.classList(), "-XX:SharedArchiveFile=" + tmp,
                    "-cp", String.join(":", cp))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0 && Files.isRegularFile(tmp);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void dumpDynamic(LabBundle bundle, Baseline baseline, Path javaHome, GradeOptions options, Path work,
            Path tmp) {
        List<Path> cp = TestJvmCommand.courseClasspath(bundle);
        List<String> selectors = new ArrayList<>();
        for (String cls : bundle.testClassNames()) {
            selectors.add("--class");
            selectors.add(cls);
        }
        new TestJvm(Sandbox.PLAIN).run(new TestJvmSpec(javaHome, cp, selectors, Duration.ofSeconds(5),
                Duration.ofMinutes(2), options.heapMb(), work, options.outputLimit(),
                List.of("-XX:ArchiveClassesAtExit=" + tmp, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")));
    }

    private static void install(Path tmp, LabBundle bundle) {
        try {
            if (Files.isRegularFile(tmp)) {
                Files.move(tmp, bundle.cdsArchive(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // no archive: test JVMs start a little slower
        }
    }
}
