package wirelab.grading.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import wirelab.grading.files.Folders;

/**
 * Compiles a student's main sources against the lab's libraries. A file that does not compile
 * is left out and the rest compiled again, so one broken file costs the tests that need its
 * classes, not the whole lab (those tests then fail to link and are reported as not compiled).
 */
public final class SubmissionCompiler {

    /** What compiling a submission gave: the classes folder, every error, and the files left out. */
    public record Result(Path classes, List<JavaCompile.Problem> problems, Set<String> leftOut, int sources) {
        public boolean clean() {
            return leftOut.isEmpty() && problems.stream().noneMatch(p -> p.kind().equals("error"));
        }
    }

    private static final int ROUNDS = 6;

    private SubmissionCompiler() {
    }

    /**
     * @param root    the source root ({@code src/main/java} of the overlay)
     * @param sources relative path → file
     */
    public static Result compile(Path root, Map<String, Path> sources, List<Path> libraries, Path classes) {
        Map<String, Path> remaining = new LinkedHashMap<>(sources);
        List<JavaCompile.Problem> all = new ArrayList<>();
        Set<String> leftOut = new LinkedHashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            Folders.delete(classes);
            JavaCompile.Outcome outcome = JavaCompile.compile(root, remaining.values(), libraries, classes, false);
            if (round == 0) {
                all.addAll(outcome.problems());
            }
            if (outcome.success()) {
                return new Result(classes, all, leftOut, sources.size());
            }
            Set<String> bad = new LinkedHashSet<>();
            for (JavaCompile.Problem p : outcome.errors()) {
                if (p.file() != null && remaining.containsKey(p.file())) {
                    bad.add(p.file());
                }
            }
            if (round > 0) {
                all.addAll(outcome.errors().stream().filter(p -> bad.contains(p.file())).toList());
            }
            if (bad.isEmpty()) {
                break;
            }
            bad.forEach(remaining::remove);
            leftOut.addAll(bad);
        }
        // Nothing compiles: an empty classes folder; every test will report the missing classes.
        Folders.delete(classes);
        leftOut.addAll(remaining.keySet());
        JavaCompile.compile(root, List.of(), libraries, classes, false);
        return new Result(classes, dedupe(all), leftOut, sources.size());
    }

    private static List<JavaCompile.Problem> dedupe(List<JavaCompile.Problem> problems) {
        return List.copyOf(new LinkedHashSet<>(problems));
    }
}
