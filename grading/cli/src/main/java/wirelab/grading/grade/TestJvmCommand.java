package wirelab.grading.grade;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import wirelab.grading.compile.LabBundle;
import wirelab.grading.course.Lab;

/** The command line of a lab's test JVMs: their class path (the course's first) and their JVM options. */
final class TestJvmCommand {

    private TestJvmCommand() {
    }

    /** Test classes, then libraries, then the code under test LAST: a student's class can never shadow a course class. */
    static List<Path> classpath(LabBundle bundle, Path mainClasses) {
        List<Path> cp = courseClasspath(bundle);
        cp.add(mainClasses);
        return cp;
    }

    /** The tests jar and the libraries: every test JVM's class path starts so, and the CDS archive is dumped with it. */
    static List<Path> courseClasspath(LabBundle bundle) {
        List<Path> cp = new ArrayList<>();
        cp.add(bundle.testsJar());
        cp.addAll(bundle.libraries());
        return cp;
    }

    /** The runner and the libraries it needs beyond the lab's own test class path. */
    static List<Path> runnerJars() {
        List<Path> out = new ArrayList<>();
        for (Class<?> c : List.of(wirelab.grading.runner.RunnerMain.class, com.fasterxml.jackson.core.JsonFactory.class,
                org.junit.platform.launcher.core.LauncherFactory.class)) {
            try {
                out.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (Exception e) {
                throw new IllegalStateException("cannot find the jar of " + c.getName(), e);
            }
        }
        return out;
    }

    /**
     * Flags for every graded test JVM: start from the CDS archive; the full JIT as under Maven
     * (visibility bugs show only with C2), unless the lab's {@code grade.jit} is {@code quick}:
     * C1 only, which halves a test JVM's CPU when its tests wait on the network rather than compute.
     * Self-attach is allowed: Lincheck attaches its agent to its own JVM, and without it the JDK makes
     * it start a helper JVM (half a second); it gives the tests' code nothing it does not have (it
     * runs in the same JVM as the runner).
     */
    static List<String> options(LabBundle bundle, Lab lab) {
        List<String> out = new ArrayList<>();
        if (Files.isRegularFile(bundle.cdsArchive())) {
            out.add("-XX:SharedArchiveFile=" + bundle.cdsArchive());
        }
        out.addAll(gradingFlags(lab));
        return out;
    }

    /** The JIT the lab's tests are graded with, and self-attach (see {@link #options}). */
    static List<String> gradingFlags(Lab lab) {
        String jit = lab.properties().getProperty("grade.jit", "full").strip();
        return List.of(switch (jit) {
            case "full" -> "-XX:TieredStopAtLevel=4";
            case "quick" -> "-XX:TieredStopAtLevel=1";
            default -> throw new IllegalArgumentException(lab.name() + "/lab.properties: grade.jit is full or quick, not " + jit);
        }, "-Djdk.attach.allowAttachSelf=true");
    }
}
