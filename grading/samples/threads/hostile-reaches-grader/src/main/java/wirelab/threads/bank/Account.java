package wirelab.threads.bank;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * HOSTILE SAMPLE (reach): a correct account whose class initialiser goes after the grader itself:
 * it finds the grader's JVM (the nearest Java process among its ancestors) and asks whether it may
 * signal it (kill -0, which sends nothing), read its environment, working folder or memory in /proc,
 * trace it (ptrace, through perl's syscall: PTRACE_SEIZE, which does not stop it, and the tracer
 * ends at once), or attach to it (the JDK's attach API, the door to an agent). Nothing is sent or
 * changed; if any door is open, every bank test fails naming it.
 */
public class Account {

    private static final String PTRACE_SEIZE = "16902";

    static {
        List<String> reached = new ArrayList<>();
        for (Optional<ProcessHandle> p = ProcessHandle.current().parent(); p.isPresent(); p = p.get().parent()) {
            long pid = p.get().pid();
            Path proc = Path.of("/proc", Long.toString(pid));
            String cmdline;
            try {
                cmdline = Files.readString(proc.resolve("cmdline"));
            } catch (IOException | RuntimeException e) {
                continue;
            }
            if (!cmdline.split("\0")[0].endsWith("java")) {
                continue;   // not the grader: the JVM that started this one
            }
            if (run("kill", "-0", Long.toString(pid))) {
                reached.add("may signal the grader (pid " + pid + ")");
            }
            if (readable(proc.resolve("environ"))) {
                reached.add("reads the grader's environment");
            }
            try {
                reached.add("sees the grader's working folder " + Files.readSymbolicLink(proc.resolve("cwd")));
            } catch (IOException | RuntimeException e) {
                // not ours to see
            }
            if (readable(proc.resolve("mem"))) {
                reached.add("opens the grader's memory");
            }
            String ptrace = switch (System.getProperty("os.arch")) {
                case "amd64", "x86_64" -> "101";
                case "aarch64" -> "117";
                default -> null;
            };
            if (ptrace != null && run("perl", "-e", "my ($n, $op, $pid) = map { $_ + 0 } @ARGV;"
                    + " exit(syscall($n, $op, $pid, 0, 0) == 0 ? 0 : 1)", ptrace, PTRACE_SEIZE, Long.toString(pid))) {
                reached.add("traces the grader (ptrace)");
            }
            try {
                System.setProperty("sun.tools.attach.attachTimeout", "2000");
                com.sun.tools.attach.VirtualMachine.attach(Long.toString(pid)).detach();
                reached.add("attaches to the grader's JVM");
            } catch (Exception | Error e) {
                // refused
            }
            break;
        }
        if (!reached.isEmpty()) {
            throw new IllegalStateException("the sandbox let this code reach the grader: " + reached);
        }
    }

    private static boolean readable(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
