package wirelab.grading.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wirelab.testkit.Needs;
import wirelab.testkit.Points;

/** @Needs is read from compiled classes before anything runs, and checked against PATH once. */
class PeerNeedsTest {

    /** A lab's test class as the harness meets it: one test needs a program no machine has, one needs sh. */
    static final class LabTests {
        @Points(4)
        @Needs({"wirelab-no-such-program", "sh"})
        void test01_browser() {
        }

        @Points(2)
        @Needs("sh")
        void test02_shell() {
        }

        @Points(1)
        void test03_plain() {
        }
    }

    private static Path where(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void needsAreReadFromTheClassesAndWhatIsMissingIsNamedPerTest() throws Exception {
        String cls = LabTests.class.getName();
        PeerNeeds needs = PeerNeeds.read(List.of(where(LabTests.class), where(Needs.class)), List.of(cls));
        assertEquals(Map.of(cls + "#test01_browser", List.of("wirelab-no-such-program", "sh"), cls + "#test02_shell",
                List.of("sh")), needs.byTest());
        PeerNeeds.Missing missing = needs.missingHere();
        assertEquals(List.of("wirelab-no-such-program"), missing.programs());
        assertTrue(missing.affects(cls + "#test01_browser"));
        assertFalse(missing.affects(cls + "#test02_shell"), "sh is on every PATH");
        assertFalse(missing.affects(cls + "#test03_plain"));
        assertEquals("wirelab-no-such-program is not installed (apt-get install wirelab-no-such-program)",
                missing.reason(cls + "#test01_browser"));
        assertEquals(List.of("PeerNeedsTest$LabTests#test01_browser"), missing.shortIds());
    }

    @Test
    void aClassThatCannotBeLoadedNeedsNothing() {
        assertTrue(PeerNeeds.read(List.of(), List.of("no.such.Test")).byTest().isEmpty());
    }
}
