package wirelab.grading.roster;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import wirelab.grading.files.Folders;
import wirelab.grading.intake.ClassExports;
import wirelab.grading.intake.Handin;
import wirelab.grading.intake.Submitter;

/**
 * The first step of {@code grade}: what the TA named on the command line, as named submissions.
 * Reads the exports, names each submission by its roster student (the roster given now, else the
 * one kept in the output folder), keeps only the {@code --only} students, and writes who each is
 * ({@code submission.json}) into the output folder before grading. Unpacked exports live in a
 * scratch folder removed by {@link #close()}.
 */
public final class ClassIntake implements AutoCloseable {

    private final Path scratch;
    private final Map<String, Path> byStudent;
    private final Set<String> thisRun;
    private final boolean partial;
    private final Path outDir;

    private ClassIntake(Path scratch, Map<String, Path> byStudent, boolean partial, Path outDir) {
        this.scratch = scratch;
        this.byStudent = byStudent;
        this.thisRun = Set.copyOf(byStudent.keySet());
        this.partial = partial;
        this.outDir = outDir;
    }

    /**
     * @param rosterFile the roster named on the command line, or null for the one kept in {@code outDir}
     * @param only       students to grade (results folder, roster key, GitHub user, email or SID); null or empty for all
     */
    public static ClassIntake read(List<Path> args, Path rosterFile, Path outDir, List<String> only, PrintStream out)
            throws IOException {
        Roster roster = rosterFile != null ? Roster.read(rosterFile) : Roster.in(outDir).orElse(null);
        Path scratch = Files.createTempDirectory("wirelab-intake-");
        try {
            List<String> warnings = new ArrayList<>();
            List<Handin> handins = ClassExports.read(args, scratch, warnings);
            List<ClassList.Named> named = ClassList.name(handins, roster, warnings);
            summary(handins, roster, named, out);
            warnings.forEach(w -> out.println("intake: " + w));
            boolean partial = only != null && !only.isEmpty();
            if (partial) {
                named = select(named, only);
            }
            if (named.isEmpty()) {
                throw new IllegalArgumentException("no submission to grade in " + args);
            }
            if (rosterFile != null) {
                roster.copyTo(outDir);
            }
            Map<String, Path> byStudent = new LinkedHashMap<>();
            for (ClassList.Named n : named) {
                n.identity().write(outDir.resolve("students").resolve(n.student()));
                byStudent.put(n.student(), n.handin().input());
            }
            return new ClassIntake(scratch, byStudent, partial, outDir);
        } catch (RuntimeException e) {
            Folders.delete(scratch);
            throw e;
        }
    }

    /** The submissions to grade, by the name their results go under. */
    public Map<String, Path> byStudent() {
        return byStudent;
    }

    /** One line per kind of export, and who the roster matched. */
    private static void summary(List<Handin> handins, Roster roster, List<ClassList.Named> named, PrintStream out) {
        Map<String, Long> kinds = handins.stream().collect(Collectors.groupingBy(Handin::source, LinkedHashMap::new,
                Collectors.counting()));
        out.println("intake: " + handins.size() + " submission(s): " + kinds.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "))
                + "; submit times known for " + handins.stream().filter(h -> h.submittedAt() != null).count());
        if (roster != null) {
            List<String> unmatched = named.stream().filter(n -> n.identity().roster().isEmpty())
                    .map(n -> n.student() + " (" + ClassList.describe(n.handin()) + ")").toList();
            out.println("roster " + roster.file() + ": " + (named.size() - unmatched.size()) + " of " + named.size()
                    + " submission(s) matched" + (unmatched.isEmpty() ? "" : "; not on the roster: " + String.join(", ", unmatched)));
        }
    }

    /** The named submissions that {@code only} asks for; an unknown name is an error that lists the known ones. */
    static List<ClassList.Named> select(List<ClassList.Named> named, List<String> only) {
        List<ClassList.Named> out = new ArrayList<>();
        for (String want : only) {
            String w = want.strip().toLowerCase(Locale.ROOT);
            List<ClassList.Named> hits = named.stream().filter(n -> keys(n).contains(w)).toList();
            if (hits.isEmpty()) {
                throw new IllegalArgumentException("--only " + want + ": no such submission; the submissions are "
                        + named.stream().map(ClassList.Named::student).toList());
            }
            hits.stream().filter(h -> !out.contains(h)).forEach(out::add);
        }
        return out;
    }

    private static Set<String> keys(ClassList.Named n) {
        Set<String> k = new TreeSet<>();
        k.add(n.student());
        k.add(n.handin().sourceId());
        k.addAll(n.identity().roster());
        for (Submitter s : n.handin().submitters()) {
            Stream.of(s.github(), s.email(), s.sid()).filter(x -> !x.isEmpty()).forEach(k::add);
        }
        return k.stream().map(x -> x.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** The students of the folder graded in earlier runs, which the class files still count (not said for --only). */
    public void printKept(PrintStream out) {
        if (partial) {
            return;
        }
        Path students = outDir.resolve("students");
        try (Stream<Path> s = Files.list(students)) {
            List<String> kept = s.map(p -> p.getFileName().toString()).filter(n -> !thisRun.contains(n)).sorted().toList();
            if (!kept.isEmpty()) {
                out.println("the class files also count, graded earlier: " + String.join(", ", kept) + " (delete "
                        + students + "/<name> to drop one)");
            }
        } catch (IOException e) {
            // no students folder: nothing kept
        }
    }

    @Override
    public void close() {
        Folders.delete(scratch);
    }
}
