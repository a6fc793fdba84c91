package wirelab.grading.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import wirelab.grading.course.Course;
import wirelab.grading.docs.DocumentedCommands.Block;
import wirelab.grading.docs.DocumentedCommands.Command;
import wirelab.grading.docs.DocumentedCommands.Context;
import wirelab.grading.files.Folders;
import wirelab.grading.similarity.Jdks;
import wirelab.grading.similarity.Similarity;

/**
 * The TA's week as docs/tas.md writes it: every command of its shell blocks, in order, from the
 * course repository's top folder, through a shell and the real {@code ./wirelab}; each must exit 0
 * ({@code doctor} 1 too: it names what is missing). A {@code text} block after a shell block is
 * that block's output: its lines appear in order in what the commands printed, or in a file they
 * wrote ({@code --out FILE}). In a text block "…" stands for what was left out (a line or the rest
 * of one); times in seconds, loopback ports and where the repository is may differ. A message
 * shown as an example, not as a command's output, is a {@code log} block. The week starts
 * afresh: the folders the guide writes under target/ are emptied first. So the guide cannot drift
 * from what a TA gets. CI runs it after the demo, in a step of its own ({@link #CI_STEP}).
 */
class TaWeekTest {

    /** The guide this test runs. */
    static final String GUIDE = "docs/tas.md";
    /** What .ci/run passes to run it. */
    static final String CI_STEP = "-Dtest=TaWeekTest -Dwirelab.taweek=true";

    private static final Pattern SECONDS = Pattern.compile("\\b\\d+\\.\\d+ s\\b");
    private static final Pattern PORT = Pattern.compile("\\b(127\\.0\\.0\\.1|localhost):\\d+\\b");

    /** A command of the guide and what it printed. */
    record Ran(Command command, String output) {
    }

    @Test
    @DisplayName("docs/tas.md: every command of the week runs as written, in order, and prints what the guide shows")
    void theWeekAsWritten() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("wirelab.taweek"),
                "a CI step of its own after the demo (" + CI_STEP + "): grades the rmi class several times");
        Course course = Course.locate();
        Path root = course.root();
        List<Block> blocks = DocumentedCommands.blocks(Files.readString(root.resolve(GUIDE)));
        for (Path folder : outputFolders(blocks)) {
            Folders.delete(root.resolve(folder));  // a week from the start, as on a fresh clone
        }
        List<Ran> last = List.of();
        List<String> problems = new ArrayList<>();
        int commands = 0;
        int outputs = 0;
        for (Block b : blocks) {
            if (b.shell()) {
                last = new ArrayList<>();
                for (Command c : DocumentedCommands.commands(GUIDE, b, Context.COURSE)) {
                    last.add(run(root, c));
                    commands++;
                }
            } else if (b.lang().equals("text") && !last.isEmpty()) {
                String why = mismatch(b.lines(), last, root);
                if (why != null) {
                    problems.add(GUIDE + ":" + b.line() + ": the output shown is not what "
                            + last.stream().map(r -> r.command().text()).toList() + " printed: " + why);
                }
                outputs++;
            }
        }
        System.out.println(GUIDE + ": " + commands + " command(s) ran, " + outputs + " output(s) compared");
        assertTrue(commands >= 15 && outputs >= 5, "the guide's week has its commands and their outputs: " + commands + ", " + outputs);
        assertTrue(problems.isEmpty(), String.join("\n\n", problems));
    }

    /**
     * The folders under target/ the guide's commands write: what an earlier run left there (an
     * adjustments.csv) would change this run's scores. The demo's folder stays: the guide's first
     * command makes it, and skips what it has already graded.
     */
    static Set<Path> outputFolders(List<Block> blocks) {
        Set<Path> out = new TreeSet<>();
        for (Block b : blocks) {
            if (b.shell()) {
                for (Command c : DocumentedCommands.commands(GUIDE, b, Context.COURSE)) {
                    for (String w : c.words()) {
                        Path p = Path.of(w).normalize();
                        if (p.getNameCount() >= 2 && p.getName(0).toString().equals("target") && !p.getName(1).toString().equals("demo")) {
                            out.add(p.subpath(0, 2));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Runs one command line as a TA types it; fails on an unexpected exit code. */
    static Ran run(Path root, Command c) throws IOException, InterruptedException {
        List<String> words = c.words();
        if (words.size() > 1 && words.get(1).equals("similarity") && Jdks.newest(Similarity.MIN_JAVA, null).isEmpty()) {
            System.out.println(c + "\n    NOT RUN: no JDK " + Similarity.MIN_JAVA + "+ on this machine (JPlag needs one)");
            return new Ran(c, "");
        }
        System.out.println("$ " + c.text());
        ShellRun r = ShellRun.of(root, c.text(), Duration.ofMinutes(20));
        System.out.print(r.out());
        // doctor exits 1 when it names a missing program; every other command of the week succeeds
        boolean ok = r.exit() == 0 || (r.exit() == 1 && words.contains("doctor"));
        assertTrue(ok, c + "\n    exited " + r.exit() + ":\n" + r.out());
        return new Ran(c, r.out());
    }

    /** Null when the shown lines appear in the commands' output or in a file one of them wrote, else why not. */
    static String mismatch(List<String> shown, List<Ran> ran, Path root) throws IOException {
        StringBuilder printed = new StringBuilder();
        List<Path> written = new ArrayList<>();
        for (Ran r : ran) {
            printed.append(r.output());
            List<String> words = r.command().words();
            int out = words.indexOf("--out");
            if (out >= 0 && out + 1 < words.size() && Files.isRegularFile(root.resolve(words.get(out + 1)))) {
                written.add(root.resolve(words.get(out + 1)));
            }
        }
        // paths as the guide writes them: from the course repository's top folder, wherever it is
        String here = root.toAbsolutePath() + "/";
        String why = missing(shown, printed.toString().replace(here, "").lines().toList());
        for (Path f : written) {
            if (missing(shown, Files.readAllLines(f)) == null) {
                return null;
            }
        }
        return why;
    }

    /** Null when every shown line matches an actual line, in order; else the first that does not. */
    static String missing(List<String> shown, List<String> actual) {
        int at = 0;
        for (String line : shown) {
            if (line.isBlank() || line.strip().equals("…")) {
                continue;
            }
            Pattern p = pattern(line);
            int found = -1;
            for (int i = at; i < actual.size() && found < 0; i++) {
                if (p.matcher(normal(actual.get(i))).matches()) {
                    found = i;
                }
            }
            if (found < 0) {
                return "no line like\n    " + line + "\n  after line " + at + " of:\n" + String.join("\n", actual);
            }
            at = found + 1;
        }
        return null;
    }

    /** A shown line as a pattern: "…" is anything, the rest literal. */
    static Pattern pattern(String shown) {
        String[] parts = normal(shown).split("…", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            re.append(i > 0 ? ".*" : "").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(re.toString());
    }

    /** What may differ between two runs of the same week: times in seconds, loopback ports, trailing blanks. */
    static String normal(String line) {
        String s = SECONDS.matcher(line.stripTrailing()).replaceAll("#.# s");
        return PORT.matcher(s).replaceAll("$1:PORT");
    }

    @Test
    @DisplayName("a shown output matches in order, with … for what was left out, whatever the times and ports")
    void matching() {
        List<String> actual = List.of("intake: 6 submission(s)", "progress 1/6", "bob  60/65  failed: client 1 got 1 and client 2 got 1 as well",
                "eve  24/65  INFO service at 127.0.0.1:41234 is unreachable", "6 submission(s): 6 graded, in 21.7 s");
        assertNull(missing(List.of("intake: 6 submission(s)", "…", "bob  60/65  failed: client 1 got 1 and client 2…",
                "eve  24/65  INFO service at 127.0.0.1:35557 is unreachable", "", "6 submission(s): 6 graded, in 34.9 s"), actual));
        assertTrue(missing(List.of("bob  61/65…"), actual).contains("bob  61/65…"), "a score that differs is a mismatch");
        assertTrue(missing(List.of("6 submission(s): 6 graded…", "intake: 6 submission(s)"), actual) != null, "the order counts");
        assertEquals("x 1.2 s", normal("x 1.2 s ").replace("#.#", "1.2"));
    }

    @Test
    @DisplayName("the week starts afresh: the guide's folders under target/ are emptied, the demo's kept")
    void freshStart() {
        Block b = new Block("sh", 1, List.of("./wirelab demo --lab rmi", "grading/ta-week/make-exports.sh target/demo/submissions/rmi target/week4",
                "./wirelab grade target/week4/x --out target/week4/graded", "cp a target/graded/rmi/"));
        assertEquals(Set.of(Path.of("target/week4"), Path.of("target/graded")), outputFolders(List.of(b)));
    }
}
