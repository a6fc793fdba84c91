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

    /** Lincheck 3.7's trace of an id counted with count++ inside computeIfAbsent (cut to the rows that matter). */
    static final String LAMBDA_TRACE = """
            Detailed trace:
            | --------------------------------------------------------------------------------------------------- |
            |                          Thread 1                          |                Thread 2                |
            | --------------------------------------------------------------------------------------------------- |
            | idForAnn(): 1                                              |                                        |
            |   registry.idFor("ann"): 1 at Ops.idForAnn(OpsTest.java:30) |                                       |
            |     ids.computeIfAbsent("ann", Lambda#1): 1 at IdRegistry.idFor(IdRegistry.java:12) |               |
            |       computeIfAbsent("ann", Lambda#1): 1 at SteppedIds.computeIfAbsent(SteppedIds.java:21) |       |
            |         make.apply("ann"): 1 at SteppedIds.computeIfAbsent(SteppedIds.java:51) |                    |
            |           count ➜ 0 at IdRegistry.lambda$idFor$0(IdRegistry.java:12) |                              |
            |           switch                                           |                                        |
            |                                                            | idForBob(): 1                          |
            |                                                            |   registry.idFor("bob"): 1 at Ops.idForBob(OpsTest.java:35) |
            |                                                            |     ids.computeIfAbsent("bob", Lambda#3): 1 at IdRegistry.idFor(IdRegistry.java:12) |
            |                                                            |       computeIfAbsent("bob", Lambda#3): 1 at SteppedIds.computeIfAbsent(SteppedIds.java:21) |
            |                                                            |         make.apply("bob"): 1 at SteppedIds.computeIfAbsent(SteppedIds.java:51) |
            |                                                            |           count ➜ 0 at IdRegistry.lambda$idFor$0(IdRegistry.java:12) |
            |                                                            |           count = 1 at IdRegistry.lambda$idFor$0(IdRegistry.java:12) |
            |                                                            |   result: 1                            |
            |           count = 1 at IdRegistry.lambda$idFor$0(IdRegistry.java:12) |                              |
            |   result: 1                                                |                                        |
            | --------------------------------------------------------------------------------------------------- |
            """;

    @Test
    @DisplayName("reads and writes deeper down in the student's file (a lambda handed to a map) are steps of the table")
    void raceTableFromLambdaTrace() {
        String table = RaceTable.explain("IdRegistry gave two names one id", LAMBDA_TRACE);
        assertTrue(table.contains("ids.computeIfAbsent(\"ann\", Lambda#1): 1 (IdRegistry.java:12)"), table);
        assertTrue(table.contains("fetch count -> 0 (IdRegistry.java:12)"), table);
        assertTrue(!table.contains("SteppedIds"), table);
        assertTrue(table.contains("Thread 1 fetched count at step 2 and stored its result at step 6"), table);
    }

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
