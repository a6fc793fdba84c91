package wirelab.grading.run;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One submission's tests, handed one unit at a time to whichever of its test JVMs is free. A
 * fixed split guesses each test's time from the reference, and a broken submission makes other
 * tests slow (a bound that must expire); a shared queue keeps every JVM busy until the end.
 *
 * <p>A unit is a runner selector line: {@code --method C#m} or {@code --class C}. Thread-safe.
 */
public final class TestQueue {

    /** A unit and how many times a JVM died before it could start it. */
    record Item(String className, String line, int tries) {
    }

    /** A JVM that dies before starting a unit twice is not given it a third time. */
    static final int MAX_TRIES = 2;

    private final Deque<Item> items = new ArrayDeque<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final Set<String> skippedClasses = new HashSet<>();

    /** Units as (class name, selector line), in the order they are handed out. */
    public TestQueue(List<Map.Entry<String, String>> units) {
        units.forEach(u -> items.add(new Item(u.getKey(), u.getValue(), 0)));
    }

    /** The next unit, or null when none is left. Units of a class that failed discovery are dropped. */
    synchronized Item poll() {
        Item next;
        while ((next = items.poll()) != null && skippedClasses.contains(next.className())) {
            // its class cannot be loaded: running it would only say so again
        }
        return next;
    }

    /** A unit whose JVM died before running all of it goes back, at the front: it was due first. */
    synchronized void putBack(Item item) {
        items.addFirst(item);
    }

    public synchronized boolean isEmpty() {
        return items.isEmpty();
    }

    synchronized int size() {
        return items.size();
    }

    /**
     * A unit that could not even be discovered (no test of it started): its class cannot be loaded
     * against the submission, so the rest of the class's units are not handed out either.
     */
    synchronized void failed(Item item, String why) {
        failures.putIfAbsent(item.line(), why);
        skippedClasses.add(item.className());
    }

    /** Unit line → why JUnit could not discover it (read with the grader's discovery-failure rules). */
    public synchronized Map<String, String> failures() {
        return Map.copyOf(failures);
    }
}
