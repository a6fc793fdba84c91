package wirelab.grading.mutate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import wirelab.grading.compile.JavaCompile;
import wirelab.grading.files.Folders;

/**
 * Compiles a mutant in-process with the harness's compiler: only its changed file, against the
 * reference's classes and the lab's libraries (a mutant changes one file; its API stays). The
 * grading compiles the whole tree again, and a mutant that breaks another file is caught there.
 */
public final class MutantCompiler {

    private final List<Path> classpath;
    private final Path scratch;

    /** @param referenceClasses the compiled reference, @param libraries the lab's libraries */
    public MutantCompiler(Path referenceClasses, List<Path> libraries, Path scratch) {
        this.classpath = new ArrayList<>(List.of(referenceClasses));
        this.classpath.addAll(libraries);
        this.scratch = scratch;
    }

    /** Null when it compiles, else the first error. */
    public String firstError(Mutant m) {
        Path dir = scratch.resolve(m.folderName());
        Path src = dir.resolve("src");
        Path file = src.resolve(m.file());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, m.source());
            JavaCompile.Outcome o = JavaCompile.compile(src, List.of(file), classpath, dir.resolve("classes"), false);
            return o.success() ? null : o.errors().stream().findFirst().map(JavaCompile.Problem::toString).orElse("does not compile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Folders.delete(dir);
        }
    }
}
