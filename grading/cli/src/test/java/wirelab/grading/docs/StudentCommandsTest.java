package wirelab.grading.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.course.LabPoints;
import wirelab.grading.course.Week;
import wirelab.grading.docs.DocumentedCommands.Command;
import wirelab.grading.docs.DocumentedCommands.Context;
import wirelab.grading.files.Folders;
import wirelab.grading.publish.StudentRepo;
import wirelab.testkit.Leftovers;

/**
 * The student's commands, exactly as the handouts, the student repository's README and
 * docs/students.md write them ({@code ./mvnw test}, {@code -pl rmi}, {@code -Dtest=CallbacksTest},
 * {@code -Dtest='Part1*'}, {@code ./mvnw verify -pl threads}…), each run once from the root of the
 * published repository of every week, offline against the Maven repository this build filled: the
 * output ends with the summary and the points line of each lab the command ran, a failing starter
 * exits 1, no Maven error list, no JVM warning, no failure blamed on an earlier test's leftovers. Then one lab with its solution copied in reaches full public
 * points. CI runs it in a step of its own (-Dwirelab.commands=true).
 */
class StudentCommandsTest {

    @TempDir
    Path tmp;

    private static final Pattern MVNW = Pattern.compile("\\./mvnw (test|verify)( .*)?");
    // Maven's error list and warnings, the JVM's warnings (jcstress's own "[ERROR] <test>" lines are its verdicts)
    static final Pattern NOISE = Pattern.compile("(?m)^(\\[ERROR\\]|\\[WARNING\\]|WARNING:).*|^.*VM warning:.*");
    private static final Pattern POINTS = Pattern.compile("(?m)^(\\w+): (\\d+(?:\\.\\d+)?) / (\\d+(?:\\.\\d+)?) public points$");

    /** The commands this test runs: a student's Maven command in a student's document. */
    static boolean runs(Command c) {
        return c.context() == Context.STUDENT && MVNW.matcher(c.text()).matches();
    }

    @Test
    @DisplayName("every student command of the handouts and guides runs as written in the published repository and ends with the summary")
    void studentCommandsRunAsWritten() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("wirelab.commands"),
                "a CI step of its own (-Dwirelab.commands=true): a few minutes of nested Maven builds");
        Course course = Course.locate();
        int last = course.weeks().stream().mapToInt(Week::number).max().orElseThrow();
        Path repo = tmp.resolve("student");
        StudentRepo published = new StudentRepo(course, last);
        published.write(repo);
        Set<String> commands = new LinkedHashSet<>();
        DocumentedCommands.all(course).stream().filter(StudentCommandsTest::runs).forEach(c -> commands.add(c.text()));
        assertTrue(commands.size() >= 4, "the handouts give at least the one-test, one-class, one-lab and whole-repository commands: " + commands);
        List<String> problems = new ArrayList<>();
        for (String command : commands) {
            ShellRun r = mvnw(repo, command);
            String why = check(command, r, published.labs());
            if (why != null) {
                problems.add(command + ": " + why + "\n" + r.tail(30));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n\n", problems));

        // the loop's end: a lab with its solution copied in gets every public point
        Lab sockets = course.requireLab("sockets");
        Folders.copy(sockets.mainSources(), repo.resolve("sockets/src/main/java"));
        ShellRun solved = mvnw(repo, "./mvnw test -pl sockets");
        assertEquals(0, solved.exit(), "with the solution copied in, the public tests must pass:\n" + solved.tail(40));
        String full = LabPoints.num(LabPoints.of(sockets).publicPoints());
        assertTrue(solved.tail(3).strip().endsWith("sockets: " + full + " / " + full + " public points"),
                "the points line must end the output with full public points:\n" + solved.tail(40));
    }

    /** Null when the run looks as the documents promise, else why not. */
    static String check(String command, ShellRun r, List<Lab> labs) {
        Matcher noise = NOISE.matcher(r.out());
        if (noise.find()) {
            return "a Maven error list or a JVM warning on the student's screen: " + noise.group().strip();
        }
        if (r.out().contains(Leftovers.DIRTY.strip())) {
            return "a failure blamed on an earlier test's leftovers: a student must see each test's own message";
        }
        if (r.out().contains("No test of this run matched")) {
            return "no test matched";
        }
        Matcher m = POINTS.matcher(r.out());
        List<String> labsRun = new ArrayList<>();
        while (m.find()) {
            labsRun.add(m.group(1));
        }
        if (labsRun.isEmpty()) {
            return "no points line";
        }
        // the starters fail their tests: exit code 1, after every lab of the run was summed up
        if (r.exit() != 1) {
            return "exit code " + r.exit() + " (a failing test must give 1)";
        }
        String lastLine = r.out().strip().lines().reduce((a, b) -> b).orElse("").strip();
        if (!command.startsWith("./mvnw verify") && !POINTS.matcher(lastLine).matches()) {
            return "the output does not end with the points line";
        }
        if (!command.contains("-pl ") && !command.contains("-Dtest") && new java.util.HashSet<>(labsRun).size() < labs.size()) {
            return "the whole repository's run must sum up every lab, got " + labsRun;
        }
        return null;
    }

    /** Runs a documented command line from the repository's root, through a shell, as a student would type it. */
    static ShellRun mvnw(Path dir, String command) throws IOException, InterruptedException {
        // offline, against the Maven repository this build filled (MAVEN_ARGS passes on where that is): the
        // student repository's own flags stay as written
        return ShellRun.of(dir, command.replaceFirst("^\\./mvnw ", "./mvnw -o -B "), Duration.ofMinutes(10));
    }

    @Test
    @DisplayName("the run's checks: the summary last, exit code 1 for a failing starter, every lab in a whole-repository run")
    void checks() {
        List<Lab> two = List.of();
        String ok = "\nrmi: public tests by exercise\n  ✗ CallbacksTest  0 / 6\n\nrmi: 0 / 6 public points\n";
        assertEquals(null, check("./mvnw test -Dtest=CallbacksTest", new ShellRun(1, ok), two));
        assertTrue(check("./mvnw test -Dtest=CallbacksTest", new ShellRun(0, ok), two).contains("exit code"));
        assertTrue(check("./mvnw test -Dtest=X", new ShellRun(1, "[ERROR] No tests matching"), two).contains("Maven error"));
        assertTrue(check("./mvnw test", new ShellRun(1, "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader"
                + " classes because bootstrap classpath has been appended\n" + ok), two).contains("JVM warning"));
        assertTrue(check("./mvnw test -Dtest=X", new ShellRun(1, "\nNo test of this run matched -Dtest=X."), two).contains("no test matched"));
        assertTrue(check("./mvnw test", new ShellRun(1, "  Part1ParserTest.test01: " + Leftovers.DIRTY + "Part5ServerTest left thread…\n" + ok),
                two).contains("own message"));
        assertFalse(check("./mvnw test", new ShellRun(1, ok + "\nsome other line\n"), two) == null);
        assertEquals(null, check("./mvnw verify -pl rmi", new ShellRun(1, "....... [ERROR] wirelab.rmi.InfoStore_01\n" + ok), two),
                "jcstress's verdict lines are not Maven's error list");
        assertTrue(check("./mvnw test", new ShellRun(1, "WARNING: A Java agent has been loaded dynamically\n" + ok), two).contains("JVM warning"));
    }
}
