package wirelab.threads;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Ungraded: the race table is built right from a real Lincheck 3.7 trace (of UnsafeCounter). */
class RaceTableTest {

    static final String TRACE = """
            = Invalid execution results =
            | ------------------------------------- |
            |     Thread 1      |     Thread 2      |
            | ------------------------------------- |
            | increment(): void | increment(): void |
            | ------------------------------------- |
            | get(): 1          |                   |
            | ------------------------------------- |

            Detailed trace:
            | ---------------------------------------------------------------------------------------------- |
            |                       Thread 1                       |                Thread 2                 |
            | ---------------------------------------------------------------------------------------------- |
            |                                                      | increment()                             |
            |                                                      |   c.increment() at OpsTest.increment(OpsTest.java:9) |
            |                                                      |     count ➜ 0 at UnsafeCounter.increment(UnsafeCounter.java:15) |
            |                                                      |     switch                              |
            | increment()                                          |                                         |
            |   c.increment() at OpsTest.increment(OpsTest.java:9) |                                         |
            |     count ➜ 0 at UnsafeCounter.increment(UnsafeCounter.java:15) |                            |
            |     count = 1 at UnsafeCounter.increment(UnsafeCounter.java:15) |                            |
            |   result: void                                       |                                         |
            |                                                      |     count = 1 at UnsafeCounter.increment(UnsafeCounter.java:15) |
            |                                                      |   result: void                          |
            | ---------------------------------------------------------------------------------------------- |
            | get(): 1                                             |                                         |
            |   c.get(): 1 at OpsTest.get(OpsTest.java:10)         |                                         |
            |     count ➜ 1 at UnsafeCounter.get(UnsafeCounter.java:20) |                                    |
            |   result: 1                                          |                                         |
            | ---------------------------------------------------------------------------------------------- |
            """;

    @Test
    @DisplayName("a Lincheck trace becomes the lecture's race table, with the lost update in words")
    void raceTableFromTrace() {
        String table = RaceTable.explain("UnsafeCounter lost an update", TRACE);
        assertTrue(table.contains("fetch count -> 0 (UnsafeCounter.java:15)"), table);
        assertTrue(table.contains("store count = 1 (UnsafeCounter.java:15)"), table);
        assertTrue(table.contains("Thread 2 fetched count at step 1 and stored its result at step 4"), table);
        assertTrue(table.contains("at step 3, Thread 1 stored count"), table);
    }
}
