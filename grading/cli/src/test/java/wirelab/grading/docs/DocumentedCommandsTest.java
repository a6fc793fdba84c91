package wirelab.grading.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import wirelab.grading.cli.Main;
import wirelab.grading.course.Course;
import wirelab.grading.docs.DocumentedCommands.Command;
import wirelab.grading.docs.DocumentedCommands.Context;

/**
 * A command that is not tested is not written: every command of README.md, docs/*.md, the
 * handouts and the student repository's README is either run here, run by
 * {@link StudentCommandsTest} in a published repository, or mapped in
 * {@code documented-commands.tsv} to the CI step or test that runs it. An unmapped command fails,
 * naming its file and line; a {@code ./wirelab} command must also parse (its subcommand and
 * options exist), and its mapping must point at something real.
 */
class DocumentedCommandsTest {

    /** One mapping: commands matching {@code pattern} run at {@code where}. */
    record Rule(Pattern pattern, String where, int line) {
    }

    static List<Rule> rules() throws IOException {
        List<Rule> out = new ArrayList<>();
        try (InputStream in = DocumentedCommandsTest.class.getResourceAsStream("/documented-commands.tsv")) {
            int n = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t+");
                assertEquals(2, parts.length, "documented-commands.tsv:" + n + ": PATTERN<TAB>WHERE, got: " + line);
                out.add(new Rule(Pattern.compile(parts[0].strip()), parts[1].strip(), n));
            }
        }
        return out;
    }

    /** Where a command runs, by the first rule that matches it (student commands first: they run in a published repository). */
    static String where(Command c, List<Rule> rules) {
        if (StudentCommandsTest.runs(c)) {
            return "student";
        }
        for (Rule r : rules) {
            if (r.pattern().matcher(c.text()).matches()) {
                return r.where();
            }
        }
        return null;
    }

    @Test
    @DisplayName("every documented command is run here, in a published repository, or by the CI step or test it is mapped to")
    void everyDocumentedCommandRuns() throws Exception {
        Course course = Course.locate();
        List<Command> commands = DocumentedCommands.all(course);
        assertTrue(commands.stream().anyMatch(c -> c.file().startsWith("modules/")), "the handouts' commands must be found");
        assertTrue(commands.stream().anyMatch(c -> c.file().equals("README.md")), "README.md's commands must be found");
        List<Rule> rules = rules();
        String ci = Files.readString(course.root().resolve(".ci/run"));
        List<String> problems = new ArrayList<>();
        for (Command c : commands) {
            String where = where(c, rules);
            if (where == null) {
                problems.add(c + "\n    not run anywhere: run it in a test or CI and map it in documented-commands.tsv, or do not write it");
                continue;
            }
            List<String> words = c.words();
            if (!words.isEmpty() && words.get(0).equals("./wirelab")) {
                String parse = parses(words.subList(1, words.size()));
                if (parse != null) {
                    problems.add(c + "\n    does not parse: " + parse);
                }
            }
            String missing = switch (where.split(":", 2)[0]) {
                case "student" -> c.context() == Context.STUDENT ? null : "a student command outside the student's documents";
                case "here" -> null;
                case "ci" -> ci.contains(where.substring(3)) ? null : ".ci/run does not contain: " + where.substring(3);
                case "test" -> testRuns(course.root(), where.substring(5), words);
                default -> "unknown place '" + where + "' in documented-commands.tsv";
            };
            if (missing != null) {
                problems.add(c + "\n    mapped to " + where + ", but " + missing);
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " documented command(s) not run:\n" + String.join("\n", problems));
        }
    }

    @Test
    @DisplayName("the cheap documented ./wirelab commands run here and exit without a usage error")
    void cheapCommandsRunHere() throws Exception {
        List<Rule> rules = rules();
        int ran = 0;
        for (Command c : DocumentedCommands.all(Course.locate())) {
            if (!"here".equals(where(c, rules))) {
                continue;
            }
            List<String> words = c.words();
            assertEquals("./wirelab", words.get(0), c + ": only ./wirelab commands run here");
            PrintStream saved = System.out;
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            int exit;
            try {
                System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
                exit = Main.run(words.subList(1, words.size()).toArray(String[]::new));
            } finally {
                System.setOut(saved);
            }
            String out = buf.toString(StandardCharsets.UTF_8);
            // 0, or 1 for a check that found something (doctor on a machine without a peer); 2 is a usage or tool error
            assertTrue(exit == 0 || exit == 1, c + " exited " + exit + ":\n" + out);
            assertTrue(!out.isBlank(), c + " printed nothing");
            ran++;
        }
        assertTrue(ran >= 3, "expected the cheap commands (publish --check, doctor, mutate --list) to be documented and run here");
    }

    @Test
    @DisplayName("shell words and comments are read as a shell would")
    void extraction() {
        List<Command> cs = DocumentedCommands.parse("x.md", """
                text
                ```sh
                ./mvnw test -Dtest='InfoServiceTest#test04*' # one test
                ./wirelab grade a \\
                    --lab rmi   # joined
                ```
                ```
                ./mvnw test -Dtest=CallbacksTest
                transfer(account 2, account 1) took a lock
                ```
                ```text
                ./wirelab doctor
                ```
                """, Context.STUDENT);
        assertEquals(List.of("./mvnw test -Dtest='InfoServiceTest#test04*'", "./wirelab grade a --lab rmi",
                "./mvnw test -Dtest=CallbacksTest"), cs.stream().map(Command::text).toList());
        assertEquals(List.of("./mvnw", "test", "-Dtest=InfoServiceTest#test04*"), cs.get(0).words());
        assertEquals(3, cs.get(0).line());
    }

    /** Null when picocli accepts the arguments, else its message. */
    static String parses(List<String> args) {
        try {
            new CommandLine(new Main()).parseArgs(args.toArray(String[]::new));
            return null;
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
    }

    /** Null when the test class exists, else what is missing. */
    static String testRuns(Path root, String testClass, List<String> words) throws IOException {
        Path source = null;
        for (String module : List.of("grading/cli", "grading/testkit", "grading/handouts", "solutions/sockets",
                "solutions/threads", "solutions/dispatcher", "solutions/rmi")) {
            for (String tests : List.of("/src/test/java/", "/src/grading/java/")) {
                Path p = root.resolve(module + tests + testClass.replace('.', '/') + ".java");
                if (Files.isRegularFile(p)) {
                    source = p;
                }
            }
        }
        if (source == null) {
            return "no test class " + testClass;
        }
        return null;
    }
}
