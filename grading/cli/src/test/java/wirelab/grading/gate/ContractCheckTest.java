package wirelab.grading.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.course.Lab;
import wirelab.grading.files.Folders;

/**
 * The contract check on a fixture lab (src/test/resources/contract-fixture: tests in the public,
 * hidden and race roots): one contract that holds, then one for each way a contract breaks, each
 * named with its clause and reference.
 */
class ContractCheckTest {

    /** Every kind of reference the format allows, in two parts, around text the check must ignore. */
    static final String GOOD = """
            # fixture: the contract

            Every clause a student's code must meet, with the tests that check it.

            ## Counting

            | id | clause | source | tests |
            | --- | --- | --- | --- |
            | FX-CNT-1 | `count(1)` is 1 | handout §1 | `CountersTest#test01_countsOne` |
            | FX-CNT-2 | many at once, none lost | handout §1; javadoc | `CountersTest#test02_countsMany`, `HiddenCountersTest#test01_eightThreads`, `Counter_01_Race` |
            | FX-CNT-3 | zero and one | javadoc | `HiddenCountersTest#test02_zeroAndOne` |

            An example of the format, not a contract (inside a code fence):

            ```markdown
            | id | clause | tests |
            | --- | --- | --- |
            | not an id | ignored | `NoSuchTest#nothing` |
            ```

            ## Queues

            | ID | clause | Tests |
            | --- | --- | --- |
            | FX-Q-1 | first in, first out | `ArrayQueueTest#test01_fifo` |
            | FX-Q-2 | every queue test | `ArrayQueueTest` |

            | notes | tests |
            | --- | --- |
            | a table whose first column is not `id` is free text | `Whatever` |

            ## Not graded

            - The counter's speed: no deterministic test can tell a slow counter from a fast one.
            """;

    @TempDir
    Path dir;

    Path labDir;

    @BeforeEach
    void copyFixture() throws IOException {
        labDir = dir.resolve("solutions/fixture");
        Folders.copy(Path.of("src/test/resources/contract-fixture"), labDir);
    }

    private ContractCheck check(String contract, String... properties) throws IOException {
        if (contract != null) {
            Files.writeString(labDir.resolve("CONTRACT.md"), contract);
        }
        Properties p = new Properties();
        for (String kv : properties) {
            p.setProperty(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        return ContractCheck.of(new Lab("fixture", labDir, dir.resolve("labs/fixture"), p));
    }

    /** A contract of one table with these rows (id | clause | tests). */
    private static String rows(String... rows) {
        return "# fixture: the contract\n\n| id | clause | tests |\n| --- | --- | --- |\n" + String.join("\n", rows) + "\n";
    }

    private static void assertProblems(ContractCheck c, String... expected) {
        assertEquals(List.of(expected), c.problems());
    }

    @Test
    @DisplayName("a contract that holds: every kind of reference resolves, code fences and other tables are ignored")
    void holds() throws IOException {
        ContractCheck c = check(GOOD);
        assertProblems(c);
        assertEquals(5, c.clauses());
        // FX-CNT-1..3: 5 tests; FX-Q-1 and FX-Q-2: ArrayQueueTest's own and inherited test
        assertEquals(7, c.tests());
        assertEquals(Set.of(), c.inNoClause());
        assertEquals("contract: 5 clauses, 7 tests", c.summary());
    }

    @Test
    @DisplayName("tests no clause names are counted in the summary, not failed")
    void testsInNoClause() throws IOException {
        ContractCheck c = check(rows("| FX-1 | one | `CountersTest#test01_countsOne` |"));
        assertProblems(c);
        assertEquals(Set.of("ArrayQueueTest#test01_fifo", "ArrayQueueTest#test02_growsWhenFull", "Counter_01_Race",
                "CountersTest#test02_countsMany", "HiddenCountersTest#test01_eightThreads", "HiddenCountersTest#test02_zeroAndOne"),
                c.inNoClause());
        assertEquals("contract: 1 clauses, 1 tests; 6 of the lab's 7 tests in no clause", c.summary());
    }

    @Test
    @DisplayName("no CONTRACT.md fails, unless lab.properties says contract.required=false")
    void noContract() throws IOException {
        assertProblems(check(null), "no CONTRACT.md: solutions/fixture/CONTRACT.md lists every clause of the lab with the tests"
                + " that check it (docs/instructors.md)");
        ContractCheck optional = check(null, "contract.required=false");
        assertProblems(optional);
        assertFalse(optional.present());
        assertEquals("contract: none yet (contract.required=false in lab.properties)", optional.summary());
        // a contract that exists is checked all the same
        assertProblems(check(rows("| FX-1 | one | `NoSuchTest` |"), "contract.required=false"),
                "clause FX-1: `NoSuchTest`: no test class NoSuchTest in src/test/java, src/grading/java or src/jcstress/java");
    }

    @Test
    @DisplayName("a CONTRACT.md without a contract table fails (a table only in a code fence, or with other columns, is none)")
    void noTable() throws IOException {
        assertProblems(check("""
                # fixture: the contract

                ```
                | id | clause | tests |
                | --- | --- | --- |
                | FX-1 | one | `CountersTest#test01_countsOne` |
                ```

                | clause | tests |
                | --- | --- |
                | one | `CountersTest#test01_countsOne` |
                """), "CONTRACT.md has no contract table (a table whose header's first column is `id` and last is `tests`)");
    }

    @Test
    @DisplayName("a clause with an empty tests cell fails, naming the clause")
    void emptyTests() throws IOException {
        assertProblems(check(rows("| FX-1 | one | `CountersTest#test01_countsOne` |", "| FX-2 | two |  |")),
                "clause FX-2 has no test");
    }

    @Test
    @DisplayName("a reference to a class the lab's tests do not have fails, naming the clause and the reference")
    void unknownClass() throws IOException {
        assertProblems(check(rows("| FX-1 | one | `CounterTest#test01_countsOne` |")),
                "clause FX-1: `CounterTest#test01_countsOne`: no test class CounterTest in src/test/java, src/grading/java or src/jcstress/java");
    }

    @Test
    @DisplayName("a reference to a method the class does not have fails")
    void unknownMethod() throws IOException {
        assertProblems(check(rows("| FX-1 | one | `CountersTest#test01_countOne`, `ArrayQueueTest#test03_shrinks` |")),
                "clause FX-1: `CountersTest#test01_countOne`: CountersTest has no method test01_countOne",
                "clause FX-1: `ArrayQueueTest#test03_shrinks`: ArrayQueueTest has no method test03_shrinks");
    }

    @Test
    @DisplayName("a reference to what is no test fails: a helper method, a helper class, a jcstress actor, a disabled test")
    void notATest() throws IOException {
        assertProblems(check(rows("| FX-1 | one | `CountersTest#counted` |", "| FX-2 | two | `FakeClock` |",
                        "| FX-3 | three | `Counter_01_Race#actor1` |", "| FX-4 | four | `CountersTest#test03_countsFast` |")),
                "clause FX-1: `CountersTest#counted`: CountersTest.counted is not a test (no @Test, @RepeatedTest, @ParameterizedTest or @TestFactory)",
                "clause FX-2: `FakeClock`: FakeClock is not a test class (no @Test method, not a @JCStressTest)",
                "clause FX-3: `Counter_01_Race#actor1`: Counter_01_Race is a jcstress test: name the class alone",
                "clause FX-4: `CountersTest#test03_countsFast`: CountersTest.test03_countsFast is @Disabled, so it checks nothing");
    }

    @Test
    @DisplayName("an id used twice fails, with both lines, also across tables")
    void duplicateId() throws IOException {
        assertProblems(check(rows("| FX-1 | one | `CountersTest#test01_countsOne` |", "| FX-2 | two | `CountersTest#test02_countsMany` |")
                        + "\n## More\n\n| id | clause | tests |\n| --- | --- | --- |\n| FX-1 | again | `Counter_01_Race` |\n"),
                "clause id FX-1 is used twice (lines 5 and 12)");
    }

    @Test
    @DisplayName("a row off the format fails: no id, a lower-case id, a test not in backticks, a reference with a signature")
    void offTheFormat() throws IOException {
        assertProblems(check(rows("|  | no id | `CountersTest#test01_countsOne` |", "| fx-2 | lower case | `CountersTest#test01_countsOne` |",
                        "| FX-3 | plain text | CountersTest#test01_countsOne |", "| FX-4 | a signature | `CountersTest#test01_countsOne()` |")),
                "line 5: a clause without an id",
                "line 6: clause id 'fx-2' is not capitals, digits and dashes (e.g. TH-CNT-1)",
                "clause FX-3: the tests cell holds 'CountersTest#test01_countsOne'; write each test as a backticked reference, `Class#method`",
                "clause FX-3 has no test",
                "clause FX-4: `CountersTest#test01_countsOne()` is not a test reference (SimpleClassName#methodName, or SimpleClassName for a whole class)",
                "clause FX-4 has no test");
    }

    @Test
    @DisplayName("./wirelab check --contract-only on this course: each lab's contract holds (or is not required yet), one line per lab")
    void documentedCommandOnTheCourse() {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        java.io.PrintStream console = System.out;
        int all;
        int one;
        try {
            System.setOut(new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8));
            all = wirelab.grading.cli.Main.run("check", "--contract-only");
            one = wirelab.grading.cli.Main.run("check", "--lab", "threads", "--contract-only");
        } finally {
            System.setOut(console);
        }
        String out = buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, all, out);
        assertEquals(0, one, out);
        for (String lab : List.of("sockets", "threads", "dispatcher", "rmi")) {
            assertTrue(out.lines().anyMatch(l -> l.matches(lab + " contract: (\\d+ clauses, \\d+ tests.*|none yet .*)")), out);
        }
    }

    @Test
    @DisplayName("the published starter must not hold the contract, nor a handout that points to it")
    void contractIsNotPublished() throws IOException {
        Path starter = Files.createDirectories(dir.resolve("labs/fixture"));
        Files.writeString(starter.resolve("CONTRACT.md"), GOOD);
        Files.writeString(starter.resolve("README.md"), "# The lab\n\nWhat is graded: see CONTRACT.md.\n");
        List<String> leaks = LeakScan.scan(new Lab("fixture", labDir, starter, new Properties()));
        assertTrue(leaks.contains("labs/fixture/CONTRACT.md: the contract table is instructor material (it names the hidden tests)"),
                leaks.toString());
        assertTrue(leaks.contains("labs/fixture/README.md: mentions CONTRACT.md, which students never get (instructor material)"),
                leaks.toString());
    }
}
