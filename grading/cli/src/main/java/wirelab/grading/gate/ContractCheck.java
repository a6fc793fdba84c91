package wirelab.grading.gate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import wirelab.grading.course.Lab;

/**
 * A lab's contract against its tests: {@code solutions/<lab>/CONTRACT.md} exists, every clause
 * names at least one test, and every test it names is a test of the lab (public, hidden or race).
 * Instructor material: publish never copies it (it names the hidden tests).
 *
 * @param present    whether the lab has a CONTRACT.md
 * @param clauses    rows of its contract tables
 * @param tests      distinct tests the clauses name (a whole class counts its tests; a jcstress class is one)
 * @param labTests   every test of the lab, the same way
 * @param inNoClause tests of the lab that no clause names (said, not failed: a test may check a detail)
 * @param problems   each breach, naming the clause and the reference
 */
public record ContractCheck(boolean present, int clauses, int tests, int labTests, Set<String> inNoClause, List<String> problems) {

    public static final String FILE = "CONTRACT.md";

    /**
     * {@code contract.required=false} in lab.properties lets a lab go without a CONTRACT.md while
     * its table is written; a CONTRACT.md that exists is checked all the same.
     */
    public static final String REQUIRED = "contract.required";

    public static boolean required(Lab lab) {
        return !"false".equalsIgnoreCase(lab.properties().getProperty(REQUIRED, "true").strip());
    }

    public static ContractCheck of(Lab lab) {
        Path file = lab.solutionDir().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            List<String> problems = required(lab) ? List.of("no " + FILE + ": solutions/" + lab.name() + "/" + FILE
                    + " lists every clause of the lab with the tests that check it (docs/instructors.md)") : List.of();
            return new ContractCheck(false, 0, 0, 0, Set.of(), problems);
        }
        ContractTable table;
        try {
            table = ContractTable.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>(table.problems());
        if (table.tables() == 0) {
            problems.add(FILE + " has no contract table (a table whose header's first column is `id` and last is `tests`)");
        }
        TestSources sources = TestSources.of(lab);
        problems.addAll(sources.problems());
        Set<String> covered = new TreeSet<>();
        for (ContractTable.Clause clause : table.clauses()) {
            for (ContractTable.Ref ref : clause.tests()) {
                String problem = resolve(sources, ref, covered);
                if (problem != null) {
                    problems.add("clause " + clause.id() + ": `" + ref + "`: " + problem);
                }
            }
        }
        Set<String> all = sources.allTests();
        Set<String> uncovered = new TreeSet<>(all);
        uncovered.removeAll(covered);
        return new ContractCheck(true, table.clauses().size(), covered.size(), all.size(), uncovered, List.copyOf(problems));
    }

    /** Adds the tests the reference names to covered; the problem with it, or null. */
    private static String resolve(TestSources sources, ContractTable.Ref ref, Set<String> covered) {
        List<TestSources.TestClass> classes = sources.named(ref.className());
        if (classes.isEmpty()) {
            return "no test class " + ref.className() + " in src/test/java, src/grading/java or src/jcstress/java";
        }
        if (classes.size() > 1) {
            return "more than one test class is named " + ref.className() + " ("
                    + String.join(", ", classes.stream().map(TestSources.TestClass::qualifiedName).toList()) + ")";
        }
        TestSources.TestClass c = classes.get(0);
        if (c.classDisabled()) {
            return ref.className() + " is @Disabled, so it checks nothing";
        }
        if (ref.method() == null) {
            if (c.jcstress()) {
                covered.add(ref.className());
                return null;
            }
            Set<String> tests = sources.tests(c);
            if (tests.isEmpty()) {
                return ref.className() + " is not a test class (no @Test method, not a @JCStressTest)";
            }
            tests.forEach(m -> covered.add(ref.className() + "#" + m));
            return null;
        }
        if (c.jcstress()) {
            return ref.className() + " is a jcstress test: name the class alone";
        }
        Boolean isTest = sources.method(c, ref.method()).orElse(null);
        if (isTest == null) {
            return ref.className() + " has no method " + ref.method();
        }
        if (!isTest) {
            return ref.className() + "." + ref.method() + " is not a test (no @Test, @RepeatedTest, @ParameterizedTest or @TestFactory)";
        }
        if (c.disabled().contains(ref.method())) {
            return ref.className() + "." + ref.method() + " is @Disabled, so it checks nothing";
        }
        covered.add(ref.className() + "#" + ref.method());
        return null;
    }

    /** {@code contract: 31 clauses, 44 tests; 3 of the lab's 47 tests in no clause}, or why there is none. */
    public String summary() {
        if (!present) {
            return problems.isEmpty() ? "contract: none yet (" + REQUIRED + "=false in lab.properties)" : "contract: none (" + FILE + " missing)";
        }
        return "contract: " + clauses + " clauses, " + tests + " tests" + (inNoClause.isEmpty() ? ""
                : "; " + inNoClause.size() + " of the lab's " + labTests + " tests in no clause");
    }
}
