package wirelab.threads.bank;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * HOSTILE SAMPLE: a correct account whose class initialiser snoops outside its folder. If the
 * sandbox lets it see anything, loading the class fails with the list of what it saw, so the
 * bank tests show it.
 */
public class Account {

    static {
        List<String> seen = new ArrayList<>();
        for (String p : new String[] {"/etc/shadow", "/etc/passwd", "/root", "/home", "/work/main/solutions"}) {
            if (readable(Path.of(p))) {
                seen.add(p);
            }
        }
        // walk up from the working folder: the course (solutions/) or other students' folders?
        for (File dir = new File(System.getProperty("user.dir")).getAbsoluteFile(); dir != null; dir = dir.getParentFile()) {
            if (new File(dir, "solutions").isDirectory() || new File(dir, "pom.xml").isFile()) {
                seen.add(dir + "/solutions");
            }
            File parent = dir.getParentFile();
            String[] siblings = parent == null || parent.getParentFile() == null ? null : parent.list();
            if (siblings != null && siblings.length > 2) {
                seen.add(parent + " lists " + siblings.length + " entries");
            }
        }
        if (!seen.isEmpty()) {
            throw new IllegalStateException("the sandbox let this code see: " + seen);
        }
    }

    private static boolean readable(Path p) {
        try {
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    return s.findAny().isPresent();
                }
            }
            return Files.readAllBytes(p).length > 0;
        } catch (IOException | RuntimeException e) {
            return false;
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
