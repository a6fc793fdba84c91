package wirelab.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import wirelab.testkit.Points;
import wirelab.testkit.StartGate;
import wirelab.testkit.Waits;

/** Hidden, task 2: remove in one step, readers that share, readers while a bind waits for a listener. */
@ExtendWith(RmiCleanup.class)
@TestMethodOrder(MethodOrderer.MethodName.class)
@DisplayName("Task 2 (more): readers and writers at once")
class HiddenThreadSafetyTest {

    private InfoServer server;
    private final List<InfoClient> clients = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private InfoListener stuck;

    @AfterEach
    void tearDown() {
        release.countDown();
        if (stuck != null) {
            TestServers.unexport(stuck);
        }
        clients.forEach(TestServers::closeAll);
        TestServers.closeAll(server);
    }

    @Test
    @Points(2)
    @DisplayName("two clients remove the same key at once: only one gets true; a remove during a bind loses neither")
    void test01_removeIsOneStep() throws Exception {
        InfoStore store = new InfoStore();
        store.bind("news/today", new Info("quiet"));
        var removes = ThreadSafetyTest.played(store, () -> store.remove("news/today"), () -> store.remove("news/today"));
        assertTrue(!(removes.first() && removes.second()),
                "two clients removed news/today at once and BOTH got true, but only one of them removed it"
                        + (removes.firstHeldAt() == null ? "" : ": client 1 was held right after its "
                        + removes.firstHeldAt() + " of the map, client 2 removed the key, then client 1 acted on what"
                        + " it had checked. Check-then-act in two steps races; let the map's remove answer (it"
                        + " returns the old value, or null)"));
        assertTrue(removes.first() || removes.second(), "one of the two removes of a bound key should return true");

        InfoStore bound = new InfoStore();
        bound.bind("k", new Info("first"));
        var bindRemove = ThreadSafetyTest.played(bound, () -> bound.bind("k", new Info("second")).version(),
                () -> bound.remove("k"));
        Info now = bound.lookup("k");
        String state = "bind returned version " + bindRemove.first() + ", remove returned " + bindRemove.second()
                + ", and k is now " + now;
        boolean bindThenRemove = bindRemove.first() == 2 && bindRemove.second() && now == null;
        boolean removeThenBind = bindRemove.first() == 1 && bindRemove.second() && now != null && now.version() == 1;
        assertTrue(bindThenRemove || removeThenBind,
                "a bind and a remove of k (at version 1) at once should end like one of them went first (bind 2, then"
                        + " remove: k gone; or remove, then bind 1: k at 1), but " + state
                        + ThreadSafetyTest.lostUpdate(bindRemove));
    }

    @Test
    @Points(3)
    @DisplayName("a reader never waits for another reader: lookup and list answer while another lookup or list is half-way")
    void test02_readersDoNotWaitForReaders() throws Exception {
        InfoStore store = new InfoStore();
        store.bind("weather/lyon", new Info("cloudy"));
        store.bind("weather/paris", new Info("sunny"));
        store.lookup("weather/lyon");    // classes loaded: the only thing to wait for is the other reader
        store.list("");

        var lookups = ThreadSafetyTest.played(store, () -> store.lookup("weather/paris"),
                () -> store.lookup("weather/lyon") + " " + store.list("weather/"));
        assertEquals(null, lookups.secondWaitedOn(),
                "client 1's lookup was held half-way (right after its " + lookups.firstHeldAt() + " of the map) and"
                        + " client 2's lookup and list then WAITED (" + lookups.secondWaitedOn() + ") instead of"
                        + " answering: readers are serialised behind one lock (synchronized methods, a"
                        + " synchronizedMap, one lock for everything). With many users that lock is the bottleneck;"
                        + " readers should share (a concurrent map, or a read-write lock)");
        var lists = ThreadSafetyTest.played(store, () -> store.list(""), () -> store.lookup("weather/lyon"));
        assertEquals(null, lists.secondWaitedOn(),
                "client 1's list was held half-way through the keys and client 2's lookup then WAITED ("
                        + lists.secondWaitedOn() + "): readers are serialised behind one lock; they should share");
        assertEquals(new Info("cloudy", 1), lists.second(), "the lookup should still find weather/lyon");
    }

    @Test
    @Points(2)
    @DisplayName("readers still answer while a bind is held up by a stuck listener")
    void test03_readersDoNotWaitForCallbacks() throws Exception {
        server = TestServers.start();
        InfoClient reader = TestServers.connect(server);
        InfoClient writer = TestServers.connect(server);
        clients.add(reader);
        clients.add(writer);
        reader.bind("stable", "v");
        CountDownLatch entered = new CountDownLatch(1);
        InfoListener slow = (key, value) -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        stuck = slow;
        InfoService service = (InfoService) java.rmi.registry.LocateRegistry
                .getRegistry(TestServers.HOST, server.port()).lookup(InfoService.NAME);
        service.addListener(TestServers.export(slow, InfoListener.class));

        CompletableFuture.runAsync(() -> {
            try {
                writer.bind("busy", "v");
            } catch (InfoUnavailableException | RuntimeException ignored) {
                // only the readers are checked here
            }
        });
        Waits.await("the server to call the listener about the bind", Duration.ofSeconds(3))
                .until(() -> entered.getCount() == 0);
        CompletableFuture<Object> read = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.lookup("stable").orElseThrow() + " " + reader.list("");
            } catch (InfoUnavailableException e) {
                throw new IllegalStateException(e);
            }
        });
        Waits.await("lookup and list to answer while a bind waits for a stuck listener: "
                + "are listeners called while a lock is held?", Duration.ofSeconds(3))
                .until(read::isDone);
        read.join();
    }
}
