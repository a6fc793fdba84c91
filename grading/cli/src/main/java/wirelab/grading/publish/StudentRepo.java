package wirelab.grading.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.course.LabPoints;
import wirelab.grading.course.Week;

/**
 * The student repository for weeks 1..N, in memory: a root pom with only the released labs,
 * the Maven wrapper, the test kit's sources, each released lab's starter with its public tests
 * and handout, a README, a .gitignore and the GitHub Classroom workflow. Nothing hidden is read.
 */
public final class StudentRepo {

    /** Files that must stay executable in the written repository. */
    static final Set<String> EXECUTABLE = Set.of("mvnw");

    private final Course course;
    private final int week;
    private final List<Week> released;
    private final List<Lab> labs;
    private final Map<String, byte[]> files;

    public StudentRepo(Course course, int week) {
        this.course = course;
        this.week = week;
        List<Week> all = course.weeks();
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no modules/week*/module.yaml in " + course.modules() + ": describe the weeks first");
        }
        if (all.stream().noneMatch(w -> w.number() == week)) {
            throw new IllegalArgumentException("no week " + week + " in modules/; the weeks are "
                    + all.stream().map(Week::number).toList());
        }
        this.released = all.stream().filter(w -> w.number() <= week).toList();
        this.labs = released.stream().flatMap(w -> w.labs().stream()).map(course::requireLab).toList();
        this.files = render();
    }

    public List<Lab> labs() {
        return labs;
    }

    public List<Week> weeks() {
        return released;
    }

    public Map<String, byte[]> files() {
        return files;
    }

    private Map<String, byte[]> render() {
        Map<String, byte[]> out = new TreeMap<>();
        Path root = course.root();
        out.put("pom.xml", StarterRenderer.bytes(StudentPoms.root(StarterRenderer.read(root.resolve("pom.xml")), labs, week)));
        out.put("mvnw", StarterRenderer.readBytes(root.resolve("mvnw")));
        copyIfPresent(root.resolve("mvnw.cmd"), "mvnw.cmd", out);
        copyTree(root.resolve(".mvn"), ".mvn", out);
        out.put(".mvn/maven.config", StarterRenderer.bytes(MAVEN_CONFIG));
        out.put(".mvn/jvm.config", StarterRenderer.bytes(JVM_CONFIG));
        Path testkit = root.resolve("grading/testkit");
        out.put("testkit/pom.xml", StarterRenderer.bytes(StudentPoms.testkit(StarterRenderer.read(testkit.resolve("pom.xml")))));
        // only the test kit itself: its own tests (and their failing fixtures) stay in the course
        copyTree(testkit.resolve("src/main"), "testkit/src/main", out);
        StarterRenderer renderer = new StarterRenderer(course);
        for (Lab lab : labs) {
            renderer.render(lab).forEach((rel, content) -> out.put(lab.name() + "/" + rel,
                    rel.equals("pom.xml") ? StarterRenderer.bytes(StudentPoms.lab(new String(content, java.nio.charset.StandardCharsets.UTF_8)))
                            : content));
        }
        out.put("README.md", StarterRenderer.bytes(readme()));
        out.put(".gitignore", StarterRenderer.bytes(GITIGNORE));
        out.put(".github/workflows/classroom.yml", StarterRenderer.bytes(ClassroomWorkflow.render(labs)));
        return out;
    }

    /**
     * The student's Maven flags: the student-loop profile (the summary is the last screen), quiet
     * (the summary is the output), and the labs' own modules built along ({@code -pl threads} also
     * builds the test kit, which no repository serves). {@code -Dtest=CallbacksTest} names a test of
     * one lab: the test kit and the other labs have none, which is no error (the summary says when
     * no lab had it).
     */
    static final String MAVEN_CONFIG = """
            -Dwirelab.student=true
            -Dsurefire.failIfNoSpecifiedTests=false
            --quiet
            --also-make
            """;

    /**
     * Maven's own JVM: Surefire's logger off (its failure list would bury the summary; every failure
     * is in target/wirelab/feedback.txt), and C1 with the serial collector for a short build.
     */
    static final String JVM_CONFIG = """
            -Dorg.slf4j.simpleLogger.log.org.apache.maven.plugin.surefire=off
            -XX:TieredStopAtLevel=1
            -XX:+UseSerialGC
            """;

    static final String GITIGNORE = """
            target/
            *.class
            .idea/
            *.iml
            .vscode/
            .classpath
            .project
            .settings/
            jcstress-results-*.bin.gz
            results/
            """;

    private String readme() {
        DateTimeFormatter due = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm xxx", java.util.Locale.ENGLISH);
        Lab last = labs.get(labs.size() - 1);
        double lastPublic = LabPoints.of(last).publicPoints();
        StringBuilder sb = new StringBuilder("""
                # Distributed-systems programming: your labs

                One folder per lab. Each has a `README.md` (the handout: what to build and how it is
                graded), the code with `TODO`s for you to fill in, and public tests in `src/test/java`.

                You need a JDK 17 or newer; the Maven wrapper fetches Maven the first time.

                ```sh
                ./mvnw test                 # every lab
                ./mvnw test -pl %s     # one lab; the last line says e.g. "%s: %s / %s public points"
                ```

                The first run downloads Maven and the libraries (a minute or two, quietly). Each run ends
                with your summary: per exercise, each test ✓ or ✗ with its points and the first line of
                the first failure; every failure in full is in `<lab>/target/wirelab/feedback.txt`.
                A failing test says what it expected and what your code did. Public tests run on every push
                (GitHub Classroom, see the Actions tab); hidden tests with more points run after the deadline,
                so make your code right, not just green. The Actions tab's score is your public points,
                as your summary counts them; it runs in your repository, so it is a check for you, not your
                grade: the course grades your submission with its own grader, public and hidden tests.

                | week | lab | topic | due | late work |
                | --- | --- | --- | --- | --- |
                """.formatted(last.name(), last.name(), LabPoints.num(Math.round(lastPublic * 0.4)), LabPoints.num(lastPublic)));
        for (Week w : released) {
            for (String lab : w.labs()) {
                sb.append("| ").append(w.number()).append(" | [`").append(lab).append("`](").append(lab).append("/README.md) | ")
                        .append(w.title().replace("|", "\\|")).append(" | ").append(due.format(w.due())).append(" | ")
                        .append(w.late().describe()).append(" |\n");
            }
        }
        sb.append("""

                Late work: the last column is the rule, the same for everyone, applied by the grading tool
                from the time of your submission.

                `testkit/` holds what the tests import (points, loopback ports, waits); you never edit it.
                Do not change `pom.xml` files or the tests: grading uses its own copies.
                """);
        return sb.toString();
    }

    /** Writes the repository into an empty (or absent) folder; returns the number of files. */
    public int write(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    List<Path> present = entries.filter(p -> !p.getFileName().toString().equals(".git")).toList();
                    if (!present.isEmpty()) {
                        throw new IllegalArgumentException(dir + " is not empty: publish writes a fresh student repository "
                                + "(a .git folder alone is fine)");
                    }
                }
            }
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path target = dir.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
                if (EXECUTABLE.contains(e.getKey())) {
                    try {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    } catch (UnsupportedOperationException notPosix) {
                        target.toFile().setExecutable(true, false);
                    }
                }
            }
            return files.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyIfPresent(Path file, String rel, Map<String, byte[]> out) {
        if (Files.isRegularFile(file)) {
            out.put(rel, StarterRenderer.readBytes(file));
        }
    }

    private static void copyTree(Path dir, String prefix, Map<String, byte[]> out) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> list = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
            for (Path f : list) {
                Path rel = dir.relativize(f);
                if (rel.toString().startsWith("target") || rel.getFileName().toString().endsWith(".jar")) {
                    continue;   // build output; the wrapper downloads its own jar
                }
                out.put(prefix + "/" + rel.toString().replace('\\', '/'), StarterRenderer.readBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
