package wirelab.grading.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import wirelab.grading.course.Course;
import wirelab.grading.files.Folders;
import wirelab.grading.course.Lab;
import wirelab.grading.course.Maven;

/**
 * What the course brings to every grading of one lab, built once and reused: the libraries (copied
 * where a sandboxed JVM may read them), the compiled public and hidden tests, the compiled race
 * tests and the compiled reference solution. Kept in a folder named by a hash of its inputs, so a
 * change to any test or library builds a new one and an unchanged lab costs nothing.
 */
public record LabBundle(Lab lab, Path dir, List<Path> libraries, Path tests, Path race, Path reference,
        String hash) {

    /** The compiled tests as one jar, in a folder of its own (a sandbox binds it and nothing else of the bundle). */
    public Path testsJar() {
        return dir.resolve("testjar/tests.jar");
    }

    /** The class-data-sharing archive of the test JVM's classes (made by the first run), in a folder of its own. */
    public Path cdsArchive() {
        return dir.resolve("cds/app.jsa");
    }

    /** The classes the reference's test run loaded (-XX:DumpLoadedClassList): what the CDS archive is made of. */
    public Path classList() {
        return dir.resolve("classes.lst");
    }

    /**
     * Opens to every user what a test JVM running as a sandbox uid reads straight from the bundle
     * (the library jars, the tests jar, the CDS archive) and closes the rest (the compiled reference,
     * the test and race class folders, the plan): the bundle folder itself may be entered, not listed.
     * Class folders a test JVM needs are copied for its uid alone (see the sandbox).
     */
    public void seal() {
        try (Stream<Path> top = Files.list(dir)) {
            wirelab.grading.sandbox.Perms.set(dir, "rwx--x--x");
            for (Path p : top.toList()) {
                String name = p.getFileName().toString();
                boolean open = name.equals("lib") || name.equals("testjar") || name.equals("cds");
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    wirelab.grading.sandbox.Perms.set(p, open ? "rwxr-xr-x" : "rwx------");
                    if (open) {
                        try (Stream<Path> files = Files.list(p)) {
                            for (Path f : files.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                                wirelab.grading.sandbox.Perms.set(f, "rw-r--r--");
                            }
                        }
                    }
                } else if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    wirelab.grading.sandbox.Perms.set(p, "rw-------");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the modes of " + dir, e);
        }
    }

    /** Fully qualified names of every top-level class in the lab's test sources (public and hidden). */
    public List<String> testClassNames() {
        List<String> out = new ArrayList<>();
        for (String root : TEST_ROOTS) {
            Path dir = lab.solutionDir().resolve(root);
            for (Path f : JavaCompile.javaFiles(dir)) {
                String rel = dir.relativize(f).toString();
                if (!rel.endsWith("package-info.java")) {
                    out.add(rel.substring(0, rel.length() - 5).replace('/', '.'));
                }
            }
        }
        return out;
    }

    /** Test source roots compiled into {@code tests/}; resources are copied next to the classes. */
    private static final List<String> TEST_ROOTS = List.of("src/test/java", "src/grading/java");
    private static final List<String> TEST_RESOURCES = List.of("src/test/resources", "src/grading/resources");

    public boolean hasRaceTests() {
        return race != null && Files.isDirectory(race);
    }

    /** The bundle for {@code lab}, built now unless an identical one exists under {@code cacheRoot}. */
    public static LabBundle prepare(Course course, Lab lab, Path cacheRoot, List<Path> runnerJars) {
        List<Path> classpath = ownTestKit(testClasspath(course, lab));
        List<Path> jars = new ArrayList<>(new LinkedHashSet<>(concat(classpath, runnerJars)));
        String hash = hash(lab, jars);
        Path dir = cacheRoot.resolve(lab.name() + "-" + hash);
        Path race = Files.isDirectory(lab.raceTests()) ? dir.resolve("race") : null;
        if (!Files.isRegularFile(dir.resolve("ready"))) {
            build(lab, dir, jars, race != null);
        }
        List<Path> libs;
        try (Stream<Path> s = Files.list(dir.resolve("lib"))) {
            libs = s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabBundle(lab, dir, libs, dir.resolve("tests"), race, dir.resolve("reference"), hash);
    }

    private static void build(Lab lab, Path dir, List<Path> jars, boolean race) {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".building-" + ProcessHandle.current().pid());
        try {
            Folders.delete(tmp);
            Path lib = Files.createDirectories(tmp.resolve("lib"));
            Set<String> names = new LinkedHashSet<>();
            List<Path> libs = new ArrayList<>();
            for (Path jar : jars) {
                if (!Files.exists(jar)) {
                    continue;
                }
                String name = jar.getFileName().toString();
                if (Files.isDirectory(jar)) {
                    name = name + ".jar";
                }
                if (!names.add(name)) {
                    name = names.size() + "-" + name;
                    names.add(name);
                }
                Path copy = lib.resolve(name);
                if (Files.isDirectory(jar)) {
                    // a folder of classes (a module built in this checkout) goes in as a jar: the test JVMs'
                    // class-data-sharing archive can only be made from a class path of jars
                    jar(jar, copy);
                } else {
                    Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                libs.add(copy);
            }
            Path reference = tmp.resolve("reference");
            check("the reference solution", lab.mainSources(),
                    JavaCompile.compile(lab.mainSources(), JavaCompile.javaFiles(lab.mainSources()), libs, reference, false));
            List<Path> testCp = concat(List.of(reference), libs);
            List<Path> testSources = new ArrayList<>();
            for (String root : TEST_ROOTS) {
                testSources.addAll(JavaCompile.javaFiles(lab.solutionDir().resolve(root)));
            }
            Path tests = tmp.resolve("tests");
            check("the tests", lab.solutionDir(), JavaCompile.compile(lab.solutionDir(), testSources, testCp, tests, false));
            for (String res : TEST_RESOURCES) {
                if (Files.isDirectory(lab.solutionDir().resolve(res))) {
                    Folders.copy(lab.solutionDir().resolve(res), tests);
                }
            }
            Files.createDirectories(tmp.resolve("testjar"));
            Files.createDirectories(tmp.resolve("cds"));
            jar(tests, tmp.resolve("testjar/tests.jar"));
            if (race) {
                check("the race tests", lab.raceTests(), JavaCompile.compile(lab.raceTests(),
                        JavaCompile.javaFiles(lab.raceTests()), concat(List.of(tests), testCp), tmp.resolve("race"), true));
            }
            Files.writeString(tmp.resolve("ready"), "built from " + lab.solutionDir() + "\n");
            Folders.delete(dir);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the grading bundle of " + lab.name(), e);
        }
    }

    private static void check(String what, Path root, JavaCompile.Outcome outcome) {
        if (!outcome.success()) {
            throw new IllegalStateException(what + " of the lab do not compile (" + root + "):\n  "
                    + String.join("\n  ", outcome.errors().stream().map(Object::toString).toList()));
        }
    }

    /**
     * The lab's class path names the test kit in the local Maven repository, which any other
     * checkout's install overwrites: the tests are graded with the test kit this tool was built
     * with, from this course (when it runs from a jar, as {@code ./wirelab} does).
     */
    static List<Path> ownTestKit(List<Path> classpath) {
        Path own;
        try {
            own = Path.of(wirelab.testkit.Points.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            return classpath;
        }
        if (!Files.isRegularFile(own)) {
            return classpath;
        }
        return classpath.stream()
                .map(p -> p.getFileName().toString().matches("wirelab-testkit-.*\\.jar") ? own : p).toList();
    }

    /**
     * Has Maven write the test class path of every lab that lacks one, in ONE run (a Maven start
     * costs more than compiling a lab): for several labs about to be graded.
     */
    public static void writeClasspaths(Course course, List<Lab> labs) {
        List<String> modules = labs.stream().filter(l -> !Files.isRegularFile(classpathFile(l)))
                .map(l -> "solutions/" + l.name()).toList();
        if (!modules.isEmpty() && Maven.writeTestClasspaths(course, modules) != 0) {
            // the test kit is not in the local Maven repository (a fresh clone inside ./mvnw verify):
            // compiling with the modules it needs resolves it from the same Maven run
            System.err.println("wirelab: the course's test kit is not installed; compiling " + String.join(",", modules)
                    + " with it instead");
            Maven.processTestClasses(course, modules, true);
        }
    }

    private static Path classpathFile(Lab lab) {
        return lab.solutionDir().resolve("target/test.classpath");
    }

    /** The lab's test class path as Maven wrote it (target/test.classpath), building it once if missing. */
    static List<Path> testClasspath(Course course, Lab lab) {
        Path file = classpathFile(lab);
        writeClasspaths(course, List.of(lab));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Maven did not write " + file + "; run ./mvnw -pl solutions/" + lab.name()
                    + " process-test-classes to see why");
        }
        try {
            String text = Files.readString(file).strip();
            List<Path> out = new ArrayList<>();
            for (String entry : text.split(":")) {
                if (!entry.isBlank()) {
                    out.add(Path.of(entry));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(Lab lab, List<Path> jars) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("v7 " + Runtime.version().feature()).getBytes(StandardCharsets.UTF_8));
            for (String root : List.of("src/main/java", "src/test/java", "src/grading/java", "src/jcstress/java",
                    "src/test/resources", "src/grading/resources")) {
                Path dir = lab.solutionDir().resolve(root);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                        sha.update(lab.solutionDir().relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(f));
                    }
                }
            }
            for (Path jar : jars) {
                sha.update(jar.toString().getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(jar)) {
                    sha.update(Long.toString(Files.size(jar)).getBytes(StandardCharsets.UTF_8));
                    sha.update(Long.toString(Files.getLastModifiedTime(jar).toMillis()).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Packs a classes folder into a jar (class-data sharing archives classes from jars, not folders). */
    static void jar(Path classes, Path jar) throws IOException {
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.sorted().toList()) {
                String name = classes.relativize(p).toString().replace('\\', '/');
                if (name.isEmpty()) {
                    continue;
                }
                if (Files.isDirectory(p)) {
                    out.putNextEntry(new java.util.jar.JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new java.util.jar.JarEntry(name));
                    Files.copy(p, out);
                }
                out.closeEntry();
            }
        }
    }
}
