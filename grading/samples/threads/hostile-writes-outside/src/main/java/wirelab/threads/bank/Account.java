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

/**
 * HOSTILE SAMPLE (write): a correct account whose class initialiser tries to write where a
 * submission must not: beside a hidden test in the course (found from the grader's command line,
 * which /proc shows every user), into the grader's output folder, and beside its own work folder
 * (other students' folders). Each try makes a file and deletes it at once; if one succeeds, every
 * bank test fails naming it. It also leaves a file in each shared temporary folder, which every
 * user may write: the grader must find those and remove them when the test JVM ends.
 */
public class Account {

    static {
        List<String> wrote = new ArrayList<>();
        for (Path dir : graderFolders()) {
            if (Files.isDirectory(dir.resolve("solutions"))) {
                tryWrite(dir.resolve("solutions/threads/src/grading/java/wirelab/threads/bank")).ifPresent(wrote::add);
                tryWrite(dir).ifPresent(wrote::add);
            }
            if (Files.isDirectory(dir.resolve("students"))) {
                tryWrite(dir.resolve("students")).ifPresent(wrote::add);   // a grade --out folder: every student's results
            }
            if (dir.endsWith("results")) {
                tryWrite(dir).ifPresent(wrote::add);
            }
        }
        tryWrite(Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent()).ifPresent(wrote::add);
        for (String shared : List.of("/tmp", "/var/tmp", "/dev/shm")) {
            try {
                Files.writeString(Path.of(shared, "wirelab-hostile-wrote"), "left by a test JVM\n");
            } catch (IOException | RuntimeException e) {
                // not writable here (a private /tmp hides it anyway)
            }
        }
        if (!wrote.isEmpty()) {
            throw new IllegalStateException("the sandbox let this code write: " + wrote);
        }
    }

    private static Optional<String> tryWrite(Path dir) {
        Path probe = dir.resolve(".wirelab-hostile-probe");
        try {
            Files.createFile(probe);
            Files.delete(probe);
            return Optional.of(dir.toString());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Every folder the grader's processes name on their command lines, the environment's, and those above them. */
    private static Set<Path> graderFolders() {
        Set<Path> out = new LinkedHashSet<>();
        List<String> named = new ArrayList<>(List.of("/autograder/source/course", "/autograder/results",
                String.valueOf(System.getenv("WIRELAB_HOME"))));
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
