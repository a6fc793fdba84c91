package wirelab.grading.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.run.Sandbox;
import wirelab.grading.run.TestJvmSpec;
import wirelab.grading.run.Threat;

/**
 * A TA's laptop without bubblewrap, not root: student code would run with the TA's own rights.
 * grade says so loudly, and refuses when --isolation=required or CI=true asks for confinement.
 */
class ConfinementTest {

    @TempDir
    Path tmp;

    /** What a confining machine looks like to the check (root, or bubblewrap). */
    static final Sandbox CONFINING = new Sandbox() {
        @Override
        public List<String> wrap(List<String> command, TestJvmSpec spec) {
            return command;
        }

        @Override
        public String describe() {
            return "confining";
        }

        @Override
        public boolean confines(Threat threat) {
            return true;
        }
    };

    @Test
    @DisplayName("unconfined: a loud warning by default, a refusal when required or on CI")
    void unconfined() {
        String warning = Confinement.warning(Sandbox.PLAIN);
        assertNotNull(warning);
        assertTrue(warning.contains("YOUR OWN RIGHTS"), warning);
        assertTrue(warning.contains("./wirelab doctor"), warning);

        List<String> said = new ArrayList<>();
        Confinement.check(Sandbox.PLAIN, null, null, said::add);
        assertEquals(List.of(warning), said);
        said.clear();
        Confinement.check(Sandbox.PLAIN, "auto", "true", said::add);
        assertEquals(List.of(warning), said, "an explicit --isolation=auto grades on CI too, with the warning");

        IllegalStateException required = assertThrows(IllegalStateException.class,
                () -> Confinement.check(Sandbox.PLAIN, "required", null, s -> { }));
        assertTrue(required.getMessage().startsWith("refusing to grade") && required.getMessage().contains("--isolation=required"),
                required.getMessage());
        IllegalStateException ci = assertThrows(IllegalStateException.class,
                () -> Confinement.check(Sandbox.PLAIN, null, "true", s -> { }));
        assertTrue(ci.getMessage().contains("CI=true"), ci.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Confinement.check(Sandbox.PLAIN, "strict", null, s -> { }));
    }

    @Test
    @DisplayName("confined: nothing to say, and required or CI grades")
    void confined() {
        assertNull(Confinement.warning(CONFINING));
        List<String> said = new ArrayList<>();
        Confinement.check(CONFINING, "required", "true", said::add);
        Confinement.check(CONFINING, null, "true", said::add);
        assertEquals(List.of(), said);
    }

    @Test
    @DisplayName("grade --isolation=required refuses before it reads a submission when student code would run unconfined")
    void gradeRefuses() throws Exception {
        Path submissions = Files.createDirectories(tmp.resolve("submissions/alice"));
        Path out = tmp.resolve("out");
        System.setProperty("wirelab.sandbox", "plain");
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit;
        try (PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(both);
            System.setErr(both);
            exit = Main.run("grade", submissions.getParent().toString(), "--lab", "threads", "--out", out.toString(),
                    "--isolation", "required");
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            System.clearProperty("wirelab.sandbox");
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, text);
        assertTrue(text.contains("refusing to grade: student code would run with the grader's own rights"), text);
        assertTrue(!Files.exists(out.resolve("students")), "nothing graded: " + text);
    }
}
