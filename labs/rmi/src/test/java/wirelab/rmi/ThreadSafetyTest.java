package wirelab.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import wirelab.testkit.Interleaving;
import wirelab.testkit.Points;

/**
 * Task 2: RMI runs the calls of many clients on many threads at once, and they interleave.
 * A stress test only sometimes hits the bad interleaving; these tests play it on purpose, the
 * same way every time: the first client's call is held right after it read the map (see
 * {@link Interleaving}), the second client's call runs, then the first one goes on. The
 * results must be ones that some one-at-a-time order of the two calls gives.
 * Run: {@code ./mvnw test -Dtest=ThreadSafetyTest}
 */
@ExtendWith(RmiCleanup.class)
@TestMethodOrder(MethodOrderer.MethodName.class)
@DisplayName("Task 2: a thread-safe remote object")
class ThreadSafetyTest {

    @Test
    @Points(3)
    @DisplayName("two clients bind the same key at once: each bind gets its own version (no lost update)")
    void test01_concurrentBindsGetTheirOwnVersions() throws Exception {
        InfoStore fresh = new InfoStore();
        var first = played(fresh,
                () -> fresh.bind("weather/paris", new Info("sunny")).version(),
                () -> fresh.bind("weather/paris", new Info("rain")).version());
        assertEquals(Set.of(1L, 2L), new HashSet<>(List.of(first.first(), first.second())),
                "two binds of a new key should return the versions 1 and 2 (one of them first), but client 1 got "
                        + first.first() + " and client 2 got " + first.second() + lostUpdate(first));

        InfoStore bound = new InfoStore();
        bound.bind("weather/oslo", new Info("snow"));
        var again = played(bound,
                () -> bound.bind("weather/oslo", new Info("sunny")).version(),
                () -> bound.bind("weather/oslo", new Info("rain")).version());
        assertEquals(Set.of(2L, 3L), new HashSet<>(List.of(again.first(), again.second())),
                "two binds of a key at version 1 should return the versions 2 and 3, but client 1 got "
                        + again.first() + " and client 2 got " + again.second() + lostUpdate(again));
        assertEquals(3L, bound.lookup("weather/oslo").version(), "after three binds the key's version should be 3");
    }

    /** Plays two clients' calls on one store, the first held in its map (see {@link Interleaving}). */
    static <A, B> Interleaving.Outcome<A, B> played(InfoStore store, Callable<A> first, Callable<B> second)
            throws Exception {
        return Interleaving.in(store, Interleaving.Holds.EVERY_STEP)
                .noMap("this test holds one thread inside InfoStore's map, but found no Map field in InfoStore to"
                        + " hold it in: keep the values in a Map field of InfoStore")
                .run(first, second);
    }

    static String lostUpdate(Interleaving.Outcome<?, ?> outcome) {
        if (outcome.firstHeldAt() == null) {
            return "";
        }
        if (outcome.firstHeldAt().endsWith(Interleaving.DONE)) {
            String call = outcome.firstHeldAt().substring(0, outcome.firstHeldAt().length() - Interleaving.DONE.length());
            return ". Client 1 was held right after its " + call + " on the map had done its work, in one step; client"
                    + " 2's call ran to the end, then client 1 went on. What client 1 stored was right, so what went"
                    + " wrong came after: it returned (or stored elsewhere) a value it did not get from that one step,"
                    + " such as a field that client 2's call had overwritten meanwhile, or a second map updated in a"
                    + " step of its own. Return what " + call + " gives back, and keep a key's value and version in"
                    + " one entry of one map.";
        }
        return ". Client 1 was held right after its " + outcome.firstHeldAt() + " of the map, client 2's bind ran"
                + " to the end, then client 1 went on with what it had read: a read-modify-write in two"
                + " steps (get, then put) loses an update. Make it one atomic step (compute) or hold a lock"
                + " across both.";
    }

    @Test
    @Points(3)
    @DisplayName("a client lists while another binds a new key: list neither fails nor shows half a change")
    void test02_listWhileBinding() throws Exception {
        InfoStore store = new InfoStore();
        store.bind("weather/lyon", new Info("cloudy"));
        store.bind("weather/oslo", new Info("snow"));
        store.bind("weather/paris", new Info("sunny"));
        List<String> before = List.of("weather/lyon", "weather/oslo", "weather/paris");
        List<String> after = List.of("weather/lyon", "weather/nice", "weather/oslo", "weather/paris");

        Interleaving.Outcome<List<String>, Long> listFirst;
        try {
            listFirst = played(store,
                    () -> store.list("weather/"),
                    () -> store.bind("weather/nice", new Info("warm")).version());
        } catch (java.util.ConcurrentModificationException e) {
            throw new AssertionError("list threw ConcurrentModificationException while another client bound a new key:"
                    + " RMI runs both calls at once, so the map must allow iterating while others write"
                    + " (a concurrent map, or one lock that list and bind share)", e);
        }
        assertTrue(listFirst.first().equals(before) || listFirst.first().equals(after),
                "list(\"weather/\") should return the keys from before the bind " + before + " or after it " + after
                        + ", but returned " + listFirst.first());
        assertEquals(after, store.list("weather/"), "after the bind, list should show the new key too");

        var bindFirst = played(store,
                () -> store.bind("weather/rome", new Info("hot")).version(),
                () -> store.list("weather/"));
        assertEquals(1L, bindFirst.first(), "the first bind of weather/rome should store version 1");
        assertTrue(bindFirst.second().size() == 4 || bindFirst.second().size() == 5,
                "a list made during a bind should show the keys from before or after it, but was " + bindFirst.second());
    }
}
