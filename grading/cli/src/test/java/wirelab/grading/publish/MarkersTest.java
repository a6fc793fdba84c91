package wirelab.grading.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MarkersTest {

    private static String starter(String solution) {
        return Markers.starterOf(solution, "T.java").orElseThrow();
    }

    @Test
    @DisplayName("a STARTER block replaces the solution, uncommented, at its indentation")
    void starterBlock() {
        String solution = """
                void inc() {
                    // BEGIN SOLUTION
                    count.incrementAndGet();
                    // STARTER
                    // count++;   // racy
                    //
                    // log();
                    // END SOLUTION
                }""";
        assertEquals("""
                void inc() {
                    count++;   // racy

                    log();
                }""", starter(solution));
    }

    @Test
    @DisplayName("STARTER TODO becomes a throw with the message")
    void todo() {
        String solution = """
                int one() {
                        // BEGIN SOLUTION
                        return 1;
                        // STARTER TODO: return "one" as a number
                        // END SOLUTION
                }""";
        assertEquals("""
                int one() {
                        throw new UnsupportedOperationException("TODO: return \\"one\\" as a number");
                }""", starter(solution));
    }

    @Test
    @DisplayName("a region without a starter disappears; SOLUTION ONLY drops the file")
    void dropped() {
        assertEquals("a\nb", starter("a\n// BEGIN SOLUTION\nsecret\n// END SOLUTION\nb"));
        assertTrue(Markers.starterOf("package x;\n// SOLUTION ONLY\nclass Y {}", "Y.java").isEmpty());
    }

    @Test
    @DisplayName("XML comments work the same way")
    void xml() {
        assertEquals("<a>\n</a>", starter("<a>\n  <!-- BEGIN SOLUTION -->\n  <b/>\n  <!-- END SOLUTION -->\n</a>"));
    }

    @Test
    @DisplayName("misplaced markers are errors that name the file and line")
    void errors() {
        var unclosed = assertThrows(Markers.MarkerException.class, () -> starter("x\n// BEGIN SOLUTION\ny"));
        assertEquals("T.java:2: BEGIN SOLUTION is never closed by END SOLUTION", unclosed.getMessage());
        var nested = assertThrows(Markers.MarkerException.class,
                () -> starter("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION"));
        assertTrue(nested.getMessage().startsWith("T.java:2:"), nested.getMessage());
        assertThrows(Markers.MarkerException.class, () -> starter("// END SOLUTION"));
        assertThrows(Markers.MarkerException.class,
                () -> starter("// BEGIN SOLUTION\n// STARTER\nnot a comment\n// END SOLUTION"));
    }

    @Test
    @DisplayName("marker words inside ordinary comments or code are not markers")
    void notMarkers() {
        String text = "// see BEGIN SOLUTION in the docs\nString s = \"// END SOLUTION\";";
        assertEquals(text, starter(text));
    }
}
