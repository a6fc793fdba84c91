package wirelab.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import wirelab.testkit.Points;
import wirelab.testkit.StartGate;
import wirelab.testkit.Waits;

/** Hidden, task 2: readers are not serialised behind one lock, listing is safe while binding. */
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
    @DisplayName("4 clients list all keys for 0.5 s while 4 others bind new ones: no call fails, no key is lost")
    void test01_listWhileBinding() throws Exception {
        server = TestServers.start();
        for (int c = 0; c < 8; c++) {
            clients.add(TestServers.connect(server));
        }
        long end = System.nanoTime() + Duration.ofMillis(500).toNanos();
        int[] bound = new int[4];

        StartGate.run(8, c -> {
            InfoClient client = clients.get(c);
            if (c < 4) {
                for (int i = 0; System.nanoTime() < end; i++) {
                    client.bind("w" + c + "/" + i, "v");
                    bound[c] = i + 1;
                }
            } else {
                while (System.nanoTime() < end) {
                    client.list("");   // iterating while others insert: must never throw
                }
            }
        });

        int total = bound[0] + bound[1] + bound[2] + bound[3];
        assertEquals(total, clients.get(0).list("").size(),
                "the writers bound " + total + " keys in all; list should show every one");
    }

    @Test
    @Points(2)
    @DisplayName("lookups still answer while another thread holds the store's monitor (no synchronized methods)")
    void test02_readersDoNotWaitForTheObjectLock() throws Exception {
        server = TestServers.start();
        InfoClient client = TestServers.connect(server);
        clients.add(client);
        client.bind("k", "v");

        InfoStore store = server.store();
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            synchronized (store) {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "holds-the-store-monitor");
        holder.setDaemon(true);
        holder.start();
        held.await();

        CompletableFuture<Object> read = CompletableFuture.supplyAsync(() -> {
            try {
                return client.lookup("k") + " " + client.list("");
            } catch (InfoUnavailableException e) {
                throw new IllegalStateException(e);
            }
        });
        Waits.await("lookup and list to answer while another thread holds the InfoStore's monitor: "
                + "with synchronized methods every reader waits behind one lock", Duration.ofSeconds(3))
                .until(read::isDone);
        release.countDown();
        read.join();
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
