package wirelab.grading.compile;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * In-process javac (javax.tools): no JVM start per compilation, diagnostics kept per file and line.
 */
public final class JavaCompile {

    /** One compiler message, with the file relative to the source root when it is known. */
    public record Problem(String file, long line, String kind, String message) {
        @Override
        public String toString() {
            return (file == null ? "" : file + (line > 0 ? ":" + line : "") + ": ") + kind + ": " + message;
        }
    }

    public record Outcome(boolean success, List<Problem> problems) {
        public List<Problem> errors() {
            return problems.stream().filter(p -> p.kind().equals("error")).toList();
        }
    }

    private JavaCompile() {
    }

    /**
     * Compiles {@code sources} into {@code out}.
     *
     * @param root           the source root the reported file names are made relative to
     * @param processors     whether annotation processors on the class path run (jcstress needs them)
     */
    public static Outcome compile(Path root, Collection<Path> sources, List<Path> classpath, Path out,
            boolean processors) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run wirelab with a JDK, not a JRE");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = new ArrayList<>(List.of(
                "--release", "17", "-encoding", "UTF-8", "-parameters", "-nowarn", "-Xlint:none",
                "-implicit:class", "-d", out.toString(), "-s", out.resolveSibling(out.getFileName() + "-gen").toString(),
                "-cp", classpath.stream().map(Path::toString).collect(Collectors.joining(":"))));
        if (processors) {
            if (Runtime.version().feature() >= 21) {
                options.add("-proc:full");
            }
        } else {
            options.add("-proc:none");
        }
        try {
            Files.createDirectories(out.resolveSibling(out.getFileName() + "-gen"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringWriter log = new StringWriter();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            ok = sources.isEmpty() || javac.getTask(log, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Problem> problems = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR && d.getKind() != Diagnostic.Kind.WARNING
                    && d.getKind() != Diagnostic.Kind.MANDATORY_WARNING) {
                continue;
            }
            String file = null;
            if (d.getSource() != null) {
                Path p = Path.of(d.getSource().toUri());
                file = p.startsWith(root) ? root.relativize(p).toString() : p.getFileName().toString();
            }
            problems.add(new Problem(file, d.getLineNumber(),
                    d.getKind() == Diagnostic.Kind.ERROR ? "error" : "warning",
                    d.getMessage(Locale.ROOT).lines().findFirst().orElse("")));
        }
        if (!ok && problems.isEmpty() && !log.toString().isBlank()) {
            problems.add(new Problem(null, 0, "error", log.toString().strip()));
        }
        return new Outcome(ok, problems);
    }

    /** Every .java file under {@code root}, sorted (for a stable compile order). */
    public static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
