package wirelab.threads;

import static org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt.forClasses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import wirelab.testkit.Stress;

/**
 * Runs a Lincheck model-checking test and, when Lincheck finds a bad interleaving, turns its
 * trace into the lecture's race-condition table: one row per step, one column per thread,
 * "fetch" for a read of a field, "store" for a write, with the line of YOUR code that did it.
 *
 * <p>Budget: first the scenario the exercise is about (e.g. increment() on both threads, then
 * get()), whose interleavings Lincheck tries in order: the lost update is among the first few,
 * so a racy class fails every time, never by luck. Then 1 random scenario of up to 3 calls per
 * thread for anything else; 50 interleavings each when grading, 25 in the student's
 * {@code ./mvnw test} (see {@link Stress#scaled(int)}), still far past the lost update. A larger
 * random budget costs test time in every run and catches no mistake more; Lincheck's own defaults
 * take far longer.
 */
public final class RaceTable {

    private RaceTable() {
    }

    /**
     * Model-checks {@code testClass}: first {@code thread1} and {@code thread2} (operation names)
     * in parallel, then {@code after} on one thread; then random scenarios. On a bad
     * interleaving, fails with the race table.
     */
    public static void check(Class<?> testClass, String what, String thread1, String thread2, String... after) {
        ExecutionScenario first = new ExecutionScenario(List.of(),
                List.of(List.of(actor(testClass, thread1)), List.of(actor(testClass, thread2))),
                Arrays.stream(after).map(name -> actor(testClass, name)).toList(), null);
        try {
            new ModelCheckingOptions()
                    .addCustomScenario(first)
                    .iterations(1)
                    .invocationsPerIteration(Math.max(25, Stress.scaled(50)))   // 50; 25 in ./mvnw test
                    .actorsPerThread(3)
                    // the JDK's concurrent classes are correct: treat their calls as one step each,
                    // so Lincheck spends its interleavings on YOUR code (and the trace shows only it)
                    .addGuarantee(forClasses(ConcurrentHashMap.class.getName(), LongAdder.class.getName(),
                            AtomicLong.class.getName(), AtomicInteger.class.getName())
                            .allMethods().treatAsAtomic())
                    .check(testClass);
        } catch (AssertionError e) {
            throw new AssertionError(explain(what, String.valueOf(e.getMessage())), e);
        }
    }

    private static Actor actor(Class<?> testClass, String operation) {
        try {
            return new Actor(testClass.getMethod(operation), List.of());
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(testClass.getName() + " has no operation " + operation + "()", e);
        }
    }

    // a cell of Lincheck's "Detailed trace" table: indentation = depth, then the event
    private static final Pattern AT = Pattern.compile("^(.*) at ([\\w.$]+)\\.(\\w+)\\((\\w+\\.java):(\\d+)\\)$");
    private static final Pattern READ = Pattern.compile("^([\\w.$]+) ➜ (.*)$");
    private static final Pattern WRITE = Pattern.compile("^([\\w.$]+) = (.*)$");

    /** The student-facing message: what went wrong, the race table, then Lincheck's summary. */
    static String explain(String what, String lincheck) {
        StringBuilder out = new StringBuilder();
        out.append(what).append(": two threads interleaved and the result is one that no\n")
                .append("one-at-a-time order of the same calls could give.\n")
                .append("Lincheck tried the interleavings of your code and found this one. Read it like the\n")
                .append("lecture's race-condition table (handout: \"The race table\"): time runs down,\n")
                .append("each column is a thread, 'fetch' reads a field, 'store' writes it.\n\n");
        List<String[]> rows = rows(lincheck);
        if (rows.isEmpty()) {
            out.append(lincheck);
            return out.toString();
        }
        int width = 34;
        for (String[] row : rows) {
            width = Math.max(width, row[1].length() + 2);
        }
        out.append(String.format("  %-5s %-" + width + "s %s%n", "step", "Thread 1", "Thread 2"));
        int step = 0;
        for (String[] row : rows) {
            String label = row[0].equals("op") ? "" : String.valueOf(++step);
            out.append(String.format("  %-5s %-" + width + "s %s%n", label, row[1], row[2]).stripTrailing())
                    .append('\n');
        }
        String lost = lostUpdate(rows);
        if (lost != null) {
            out.append('\n').append(lost).append('\n');
        }
        int results = lincheck.indexOf("= Invalid execution results =");
        int interleaving = lincheck.indexOf("The following interleaving");
        if (results >= 0 && interleaving > results) {
            out.append("\nThe results Lincheck saw (no sequential order of these calls gives them):\n")
                    .append(lincheck, results, interleaving).append('\n');
        }
        int detailed = lincheck.indexOf("Detailed trace:");
        if (detailed < 0 && interleaving >= 0) {
            out.append(lincheck.substring(interleaving));
        }
        return out.toString();
    }

    private static final Pattern STEP = Pattern.compile("^\\s*(fetch|store) ([\\w.$]+) .*");

    /**
     * The lecture's lost update, in words, if the table shows one: a thread fetched a field,
     * the other thread stored it, and then the first thread stored its stale value over it.
     */
    static String lostUpdate(List<String[]> rows) {
        List<int[]> steps = new ArrayList<>();          // {row, thread, fetch?1:0}
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (int col = 1; col <= 2; col++) {
                Matcher m = STEP.matcher(rows.get(i)[col]);
                if (m.matches()) {
                    steps.add(new int[] {i, col, m.group(1).equals("fetch") ? 1 : 0});
                    fields.add(m.group(2));
                }
            }
        }
        for (int a = 0; a < steps.size(); a++) {
            if (steps.get(a)[2] != 1) {
                continue;
            }
            int thread = steps.get(a)[1];
            for (int c = a + 1; c < steps.size(); c++) {
                if (steps.get(c)[1] != thread || !fields.get(c).equals(fields.get(a))) {
                    continue;
                }
                if (steps.get(c)[2] == 1) {
                    break;                                // fetched again: not this pattern
                }
                for (int b = a + 1; b < c; b++) {
                    if (steps.get(b)[1] != thread && steps.get(b)[2] == 0 && fields.get(b).equals(fields.get(a))) {
                        return String.format("The lost update: Thread %d fetched %s at step %d and stored its"
                                        + " result at step %d. In between, at step %d, Thread %d stored %s; Thread %d's"
                                        + " store overwrote it. %s++ is fetch, +1, store: three steps, and another"
                                        + " thread can run between them.", thread, fields.get(a), stepOf(rows, a, steps),
                                stepOf(rows, c, steps), stepOf(rows, b, steps), 3 - thread, fields.get(a), thread,
                                fields.get(a));
                    }
                }
                break;
            }
        }
        return null;
    }

    /** The step number the table prints for a step (operation rows have none). */
    private static int stepOf(List<String[]> rows, int index, List<int[]> steps) {
        int row = steps.get(index)[0];
        int n = 0;
        for (int i = 0; i <= row; i++) {
            if (!rows.get(i)[0].equals("op")) {
                n++;
            }
        }
        return n;
    }

    /** Rows of {kind, thread 1 cell, thread 2 cell} from Lincheck's detailed trace. */
    static List<String[]> rows(String lincheck) {
        List<String[]> rows = new ArrayList<>();
        int start = lincheck.indexOf("Detailed trace:");
        if (start < 0) {
            return rows;
        }
        for (String line : lincheck.substring(start).split("\n")) {
            if (!line.startsWith("|") || line.startsWith("| -")) {
                continue;
            }
            String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|", -1);
            if (cells.length != 2 || cells[0].isBlank() && cells[1].isBlank()
                    || cells[0].contains("Thread 1")) {
                continue;
            }
            int col = cells[0].isBlank() ? 1 : 0;
            String cell = cells[col].substring(1).stripTrailing();  // drop the padding space
            int depth = cell.length() - cell.stripLeading().length();
            String event = cell.strip();
            String text = null;
            String kind = "step";
            if (depth == 0) {
                kind = "op";
                text = event;                                   // increment(), get(): 1
            } else if (depth == 4) {                             // a step of YOUR method
                Matcher at = AT.matcher(event);
                if (at.matches() && !at.group(2).endsWith("Test")) {
                    String where = " (" + at.group(4) + ":" + at.group(5) + ")";
                    Matcher r = READ.matcher(at.group(1));
                    Matcher w = WRITE.matcher(at.group(1));
                    if (r.matches()) {
                        text = "fetch " + r.group(1) + " -> " + r.group(2) + where;
                    } else if (w.matches()) {
                        text = "store " + w.group(1) + " = " + w.group(2) + where;
                    } else {
                        text = at.group(1) + where;
                    }
                }
            }
            if (text == null) {
                continue;
            }
            String[] row = {kind, "", ""};
            row[col + 1] = (kind.equals("op") ? "" : "  ") + text;
            rows.add(row);
        }
        return rows;
    }
}
