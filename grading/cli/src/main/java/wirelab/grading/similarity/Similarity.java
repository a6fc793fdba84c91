package wirelab.grading.similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.intake.SafeUnzip;
import wirelab.grading.publish.StarterRenderer;

/**
 * {@code ./wirelab similarity}: prepares JPlag's input (each submission's main Java sources, the
 * published starter as base code), builds grading/similarity with a JDK 21+ and runs it in its own
 * process. JPlag (GPL-3.0) never joins this tool's class path.
 */
public final class Similarity {

    public static final int MIN_JAVA = 21;

    private final Course course;
    private final Jdks.Jdk jdk;

    public Similarity(Course course, Jdks.Jdk jdk) {
        this.course = course;
        this.jdk = jdk;
    }

    /** Lays out JPlag's input under {@code work}: base/ (starter) and submissions/<student>/ (main sources only). */
    public static int prepare(Course course, Lab lab, List<Path> inputs, Path work) throws IOException {
        Path base = Files.createDirectories(work.resolve("base"));
        for (Map.Entry<String, byte[]> e : new StarterRenderer(course).render(lab).entrySet()) {
            if (e.getKey().startsWith("src/main/java/") && e.getKey().endsWith(".java")) {
                Path f = base.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
            }
        }
        Path subs = Files.createDirectories(work.resolve("submissions"));
        int n = 0;
        for (Path in : expand(inputs)) {
            String name = in.getFileName().toString().replaceFirst("(?i)\\.zip$", "");
            Path src = in;
            if (Files.isRegularFile(in)) {
                src = work.resolve("unzipped").resolve(name);
                try {
                    SafeUnzip.unzip(in, src);
                } catch (Exception e) {
                    System.err.println("similarity: skipping " + in + ": " + e.getMessage());
                    continue;
                }
            }
            if (copyMainJava(src, subs.resolve(name)) > 0) {
                n++;
            }
        }
        return n;
    }

    /** A folder of submissions counts as its children; zips and folders count as one each. */
    static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p) && !Files.exists(p.resolve("src")) && !Files.exists(p.resolve("pom.xml"))) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(c -> !c.getFileName().toString().startsWith("."))
                            .filter(c -> Files.isDirectory(c) || c.toString().toLowerCase().endsWith(".zip"))
                            .sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Java files that are not tests or build output, with their relative paths. */
    static int copyMainJava(Path from, Path to) throws IOException {
        int[] n = {0};
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = !dir.equals(from) && (name.equals("target") || name.startsWith(".") || name.equals("test")
                        || name.equals("grading") || name.equals("jcstress"));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && file.toString().endsWith(".java")) {
                    Path target = to.resolve(from.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                    n[0]++;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return n[0];
    }

    /** Builds grading/similarity with the JDK (once; Maven skips what is up to date) and runs it. */
    public int run(Path work, Path out, int minTokens, int top) throws IOException, InterruptedException {
        Path module = course.root().resolve("grading/similarity");
        Path cpFile = module.resolve("target/similarity.classpath");
        Path jar = module.resolve("target/wirelab-similarity-1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(cpFile) || !Files.isRegularFile(jar) || newer(module, jar)) {
            System.out.println("similarity: building grading/similarity with JDK " + jdk.feature() + " (" + jdk.home() + ")");
            int rc = exec(List.of(course.root().resolve("mvnw").toString(), "-q", "-B", "-f",
                    module.resolve("pom.xml").toString(), "-DskipTests", "package"), Map.of("JAVA_HOME", jdk.home().toString()));
            if (rc != 0) {
                throw new IllegalStateException("building grading/similarity failed (exit " + rc + ")");
            }
        }
        String cp = jar + java.io.File.pathSeparator + Files.readString(cpFile).strip();
        return exec(List.of(jdk.home().resolve("bin/java").toString(), "-cp", cp, "wirelab.similarity.SimilarityMain",
                work.resolve("submissions").toString(), work.resolve("base").toString(), out.toString(),
                Integer.toString(minTokens), Integer.toString(top)), Map.of());
    }

    private static boolean newer(Path module, Path jar) throws IOException {
        long built = Files.getLastModifiedTime(jar).toMillis();
        try (Stream<Path> s = Files.walk(module.resolve("src/main"))) {
            return s.anyMatch(p -> {
                try {
                    return Files.getLastModifiedTime(p).toMillis() > built;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }) || Files.getLastModifiedTime(module.resolve("pom.xml")).toMillis() > built;
        }
    }

    private static int exec(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", cmd));
        }
        return p.exitValue();
    }
}
