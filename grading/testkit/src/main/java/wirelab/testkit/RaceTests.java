package wirelab.testkit;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a lab's jcstress race tests (one jcstress invocation, its arguments passed on) and ends with
 * a verdict a student can read instead of jcstress's stack trace: each race test that saw a
 * forbidden outcome, the outcome and what it means, and where the full report is. Exit code 1 when
 * one did; in the student's build, which names a status file, exit code 0 with "failed" written
 * there, and {@link MavenSummary} ends Maven with exit code 1 after the run, without Maven's page
 * of error text.
 *
 * <p>Run by Maven (the root pom's {@code race-tests} profile), in the lab's target/jcstress:
 * {@code java wirelab.testkit.RaceTests --lab LAB [--status FILE] JCSTRESS_ARGS...} (jcstress's own
 * options start with a single dash).
 */
public final class RaceTests {

    // one line of jcstress's failure list: "wirelab.threads.X [-Xmx256m, ...]: Observed forbidden state: 1, 2 (what it means)"
    private static final Pattern FORBIDDEN = Pattern.compile("(\\S+) \\[[^\\]]*\\]: Observed forbidden state: (.*?) \\((.*)\\)");
    // or: "wirelab.rmi.X [-Xmx256m, ...] had failed with the pre-test error."
    private static final Pattern ERROR = Pattern.compile("(\\S+) \\[[^\\]]*\\] had failed with .*");

    private RaceTests() {
    }

    public static void main(String[] args) throws Exception {
        String lab = "this lab";
        Path status = null;
        while (args.length >= 2 && args[0].startsWith("--")) {
            if (args[0].equals("--lab")) {
                lab = args[1];
            } else if (args[0].equals("--status")) {
                status = Path.of(args[1]);
            } else {
                break;
            }
            args = Arrays.copyOfRange(args, 2, args.length);
        }
        String failures = null;
        try {
            Class.forName("org.openjdk.jcstress.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof AssertionError failed)) {
                throw e;
            }
            failures = String.valueOf(failed.getMessage());
        }
        System.out.println();
        System.out.print(verdict(lab, failures));
        System.out.flush();
        if (status != null) {
            write(status, failures == null ? "passed" : "failed");
            System.exit(0);
        }
        System.exit(failures == null ? 0 : 1);
    }

    /** What the student reads after jcstress's own report. */
    static String verdict(String lab, String failures) {
        String report = lab + "/target/jcstress/results/index.html";
        if (failures == null) {
            return lab + ": race tests (practice, no points): no forbidden outcome in any of them. Full report: " + report + "\n";
        }
        // test -> what went wrong (each once, whatever JVM configuration saw it)
        Map<String, List<String>> seen = new LinkedHashMap<>();
        int forbidden = 0;
        List<String> other = new ArrayList<>();
        for (String line : failures.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("TEST FAILURES")).toList()) {
            Matcher f = FORBIDDEN.matcher(line);
            Matcher e = ERROR.matcher(line);
            String test;
            String what;
            if (f.matches()) {
                test = f.group(1);
                what = f.group(2) + ": " + f.group(3);
            } else if (e.matches()) {
                test = e.group(1);
                what = "failed with an exception before its outcome was known (shown above: a TODO left, or a crash)";
            } else {
                other.add(line);
                continue;
            }
            List<String> whats = seen.computeIfAbsent(test.substring(test.lastIndexOf('.') + 1), t -> new ArrayList<>());
            if (!whats.contains(what)) {
                whats.add(what);
                forbidden += f.matches() && whats.size() == 1 ? 1 : 0;
            }
        }
        StringBuilder out = new StringBuilder(lab + ": race tests (practice, no points): ");
        out.append(forbidden > 0 ? forbidden + " saw a forbidden outcome, a real bug in your code"
                : seen.size() + " could not run to the end").append('\n');
        seen.forEach((test, whats) -> whats.forEach(w -> out.append("  ✗ ").append(test).append("  ").append(w).append('\n')));
        other.forEach(o -> out.append("  ").append(o).append('\n'));
        return out.append("Full report: ").append(report).append('\n').toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    }
}
