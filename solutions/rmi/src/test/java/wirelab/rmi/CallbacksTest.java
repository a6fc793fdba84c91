package wirelab.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import wirelab.testkit.Points;
import wirelab.testkit.Waits;

/**
 * Task 3: clients register a remote listener and the server calls them back. A stuck client
 * must not hold up the others, and the server drops it after a timeout.
 * Run: {@code ./mvnw test -Dtest=CallbacksTest}
 */
@ExtendWith(RmiCleanup.class)
@TestMethodOrder(MethodOrderer.MethodName.class)
@DisplayName("Task 3: callbacks to remote listeners")
class CallbacksTest {

    private InfoServer server;
    private InfoClient watcher;
    private InfoClient writer;
    private final Stuck stuck = new Stuck();

    /** A listener whose client never answers (until the test ends). */
    static final class Stuck implements InfoListener {
        final CountDownLatch release = new CountDownLatch(1);
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void changed(String key, Info value) {
            calls.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @AfterEach
    void tearDown() {
        stuck.release.countDown();
        TestServers.unexport(stuck);
        TestServers.closeAll(watcher, writer, server);
    }

    @Test
    @Points(2)
    @DisplayName("a subscribed client hears about a bind and a remove made by another client, in order, one at a time")
    void test01_listenerHearsBindAndRemove() throws Exception {
        String sideBySide = OneAtATime.problem();
        if (sideBySide != null) {
            throw new AssertionError(sideBySide);
        }
        server = TestServers.start();
        watcher = TestServers.connect(server);
        writer = TestServers.connect(server);
        List<String> heard = new CopyOnWriteArrayList<>();
        watcher.subscribe((key, value) -> heard.add(key + " = " + value));

        writer.bind("news/today", "quiet");
        writer.remove("news/never-bound");   // no change: nobody hears of it
        writer.remove("news/today");

        List<String> expected = List.of("news/today = " + new Info("quiet", 1), "news/today = null");
        Waits.await("the listener to hear about the bind and the remove").until(() -> heard.size() >= 2);
        assertEquals(expected, heard, "the listener should hear the bind (with its value), then the remove (null),"
                + " and nothing about removing a key that was not bound (that changes nothing)");
    }

    @Test
    @Points(2)
    @DisplayName("bind returns while a listener is still stuck in its callback: the binder never waits for listeners")
    void test02_bindDoesNotWaitForListeners() throws Exception {
        // a long callback timeout: a bind that waits for listeners, even "with a timeout", cannot return in time
        server = TestServers.start(0, new InfoStore(Duration.ofMinutes(1)));
        writer = TestServers.connect(server);
        InfoService service = (InfoService) java.rmi.registry.LocateRegistry
                .getRegistry(TestServers.HOST, server.port()).lookup(InfoService.NAME);
        service.addListener(TestServers.export(stuck, InfoListener.class));

        CompletableFuture<Info> bind = CompletableFuture.supplyAsync(() -> {
            try {
                return writer.bind("weather/paris", "sunny");
            } catch (InfoUnavailableException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            Waits.await("bind to return while the only listener is stuck in its callback (it is released only"
                    + " after bind returns): does bind wait for the listeners, one after another or with a timeout?"
                    + " Hand each call to the listener's own thread and return", Duration.ofSeconds(5))
                    .until(bind::isDone);
        } finally {
            stuck.release.countDown();
        }
        assertEquals(new Info("sunny", 1), bind.join(), "bind should return what it stored");
        Waits.await("the stuck listener to have been called about the bind").until(() -> stuck.calls.get() == 1);
    }

    @Test
    @Points(2)
    @DisplayName("a stuck listener does not delay the other listeners, and is dropped after its timeout")
    void test03_stuckListenerDoesNotHoldUpOthers() throws Exception {
        server = TestServers.start();
        watcher = TestServers.connect(server);
        writer = TestServers.connect(server);
        InfoService service = (InfoService) java.rmi.registry.LocateRegistry
                .getRegistry(TestServers.HOST, server.port()).lookup(InfoService.NAME);
        service.addListener(TestServers.export(stuck, InfoListener.class));   // registered first
        Map<String, Info> heard = new java.util.concurrent.ConcurrentHashMap<>();
        watcher.subscribe(heard::put);

        CompletableFuture.runAsync(() -> {
            try {
                writer.bind("weather/paris", "sunny");
            } catch (InfoUnavailableException e) {
                throw new IllegalStateException(e);
            }
        });
        Waits.await("the other listener to hear the change although one listener is stuck", Duration.ofSeconds(5))
                .until(() -> heard.containsKey("weather/paris"));
        Waits.await("the server to drop the stuck listener after its timeout (1 s here; the working one stays)")
                .until(() -> server.store().listenerCount() == 1);
    }
}
