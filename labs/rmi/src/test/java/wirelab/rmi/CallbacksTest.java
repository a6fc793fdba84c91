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
import wirelab.testkit.Points;
import wirelab.testkit.Waits;

/**
 * Task 3: clients register a remote listener and the server calls them back. A stuck client
 * must not hold up the others, and the server drops it after a timeout.
 * Run: {@code ./mvnw test -Dtest=CallbacksTest}
 */
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

        @Override
        public void changed(String key, Info value) {
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
    @DisplayName("a subscribed client hears about a bind and a remove made by another client, in order")
    void test01_listenerHearsBindAndRemove() throws Exception {
        server = TestServers.start();
        watcher = TestServers.connect(server);
        writer = TestServers.connect(server);
        List<String> heard = new CopyOnWriteArrayList<>();
        watcher.subscribe((key, value) -> heard.add(key + " = " + value));

        writer.bind("news/today", "quiet");
        writer.remove("news/today");

        List<String> expected = List.of("news/today = " + new Info("quiet", 1), "news/today = null");
        Waits.await("the listener to hear about the bind and the remove").until(() -> heard.size() >= 2);
        assertEquals(expected, heard, "the listener should hear the bind (with its value), then the remove (null)");
    }

    @Test
    @Points(3)
    @DisplayName("a stuck listener neither delays the other listeners nor the client that binds, and is dropped")
    void test02_stuckListenerDoesNotHoldUpOthers() throws Exception {
        server = TestServers.start();
        watcher = TestServers.connect(server);
        writer = TestServers.connect(server);
        InfoService service = (InfoService) java.rmi.registry.LocateRegistry
                .getRegistry(TestServers.HOST, server.port()).lookup(InfoService.NAME);
        service.addListener(TestServers.export(stuck, InfoListener.class));   // registered first
        Map<String, Info> heard = new java.util.concurrent.ConcurrentHashMap<>();
        watcher.subscribe(heard::put);

        CompletableFuture<Info> bind = CompletableFuture.supplyAsync(() -> {
            try {
                return writer.bind("weather/paris", "sunny");
            } catch (InfoUnavailableException e) {
                throw new IllegalStateException(e);
            }
        });
        Waits.await("bind to return although one listener is stuck", Duration.ofSeconds(3))
                .until(bind::isDone);
        Waits.await("the other listener to hear the change although one listener is stuck", Duration.ofSeconds(3))
                .until(() -> heard.containsKey("weather/paris"));
        Waits.await("the server to drop the stuck listener after its timeout (the working one stays)",
                        Duration.ofSeconds(5))
                .until(() -> server.store().listenerCount() == 1);
    }
}
