package wirelab.testkit;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The child's side of {@link ChildJvm}: a probe's {@code main} calls the student's code through
 * {@link #check}, one named check at a time, and each prints {@code PASS name} or
 * {@code FAIL name: what happened} for the test JVM to read back with {@link ChildJvm#failures}.
 */
public final class Probes {

    /** UTF-8 whatever the child's default charset, so the test JVM reads the messages as they were meant. */
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    private Probes() {
    }

    /** One check: throws an AssertionError (see {@link #expect}) when the student's code is wrong. */
    public interface Check {
        void run() throws Exception;
    }

    /** A FAIL line for a child JVM that did not start as the probe needs ({@code ok} false): its checks cannot be trusted. */
    public static void setup(String name, boolean ok, String problem) {
        if (!ok) {
            OUT.println("FAIL " + name + ": " + problem + ": this check cannot run here");
        }
    }

    /** Runs one check on its own thread, at most 10 s (a loaded grading machine starves a second JVM). */
    public static void check(String name, Check check) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                check.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "probe-" + name);
        t.setDaemon(true);
        t.start();
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            OUT.println("FAIL " + name + ": did not finish within 10 s");
        } else if (failure.get() instanceof AssertionError e) {
            OUT.println("FAIL " + name + ": " + e.getMessage());
        } else if (failure.get() != null) {
            OUT.println("FAIL " + name + ": threw " + failure.get());
        } else {
            OUT.println("PASS " + name);
        }
    }

    /** Fails the check with "{@code what} should be EXPECTED but was ACTUAL". */
    public static void expect(Object expected, Object actual, String what) {
        if (!expected.equals(actual)) {
            throw new AssertionError(what + " should be " + show(expected) + " but was " + show(actual));
        }
    }

    /** Ends the child once every check has printed its line (a student's thread left running must not keep it). */
    public static void end() {
        OUT.flush();
        System.exit(0);
    }

    private static String show(Object o) {
        return o instanceof String s ? "\"" + s + "\"" : o instanceof byte[] b ? Arrays.toString(b) : String.valueOf(o);
    }
}
