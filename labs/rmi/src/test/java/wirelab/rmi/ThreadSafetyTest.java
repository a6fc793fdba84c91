package wirelab.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Points;
import wirelab.testkit.StartGate;

/**
 * Task 2: RMI runs calls from many clients on many threads at once. These stress tests start
 * several clients together and check that no update is lost and no reader sees half of one.
 * Run: {@code ./mvnw test -Dtest=ThreadSafetyTest}
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
@DisplayName("Task 2: a thread-safe remote object")
class ThreadSafetyTest {

    private static final int CLIENTS = 8;
    private static final int BINDS = 100;

    private InfoServer server;
    private final List<InfoClient> clients = new ArrayList<>();

    @AfterEach
    void tearDown() {
        clients.forEach(TestServers::closeAll);
        TestServers.closeAll(server);
    }

    @Test
    @Points(3)
    @DisplayName("8 clients bind 100 keys each at the same time: all 800 keys are there")
    void test01_concurrentClientsLoseNoKey() throws Exception {
        server = TestServers.start();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(TestServers.connect(server));
        }

        StartGate.run(CLIENTS, c -> {
            for (int i = 0; i < BINDS; i++) {
                clients.get(c).bind("client" + c + "/key" + i, "value " + i + " of client " + c);
            }
        });

        List<String> keys = clients.get(0).list("");
        assertEquals(CLIENTS * BINDS, keys.size(),
                CLIENTS + " clients bound " + BINDS + " different keys each, so list(\"\") should have "
                        + CLIENTS * BINDS + " keys; the missing ones were lost by concurrent binds");
        for (int c = 0; c < CLIENTS; c++) {
            assertEquals(Optional.of(new Info("value 7 of client " + c, 1)), clients.get(0).lookup("client" + c + "/key7"),
                    "each key should hold exactly what its client bound");
        }
    }

    @Test
    @Points(3)
    @DisplayName("8 clients bind one shared key 100 times each while others read it: every bind gets its own version, no read is torn")
    void test02_sharedKeyNoLostOrTornUpdates() throws Exception {
        server = TestServers.start();
        for (int c = 0; c < CLIENTS + 2; c++) {
            clients.add(TestServers.connect(server));
        }
        String key = "counter";
        Map<Long, String> written = new ConcurrentHashMap<>();   // version -> text its bind stored
        ConcurrentLinkedQueue<Info> seen = new ConcurrentLinkedQueue<>();

        StartGate.run(CLIENTS + 2, c -> {
            InfoClient client = clients.get(c);
            if (c >= CLIENTS) {            // two readers
                for (int i = 0; i < BINDS; i++) {
                    client.lookup(key).ifPresent(seen::add);
                }
                return;
            }
            for (int i = 0; i < BINDS; i++) {
                String text = "client " + c + " bind " + i;
                Info stored = client.bind(key, text);
                String before = written.putIfAbsent(stored.version(), text);
                assertTrue(before == null, "two binds both got version " + stored.version() + " (\"" + before
                        + "\" and \"" + text + "\"): one read-modify-write overwrote the other");
            }
        });

        int total = CLIENTS * BINDS;
        assertEquals(new TreeSet<>(java.util.stream.LongStream.rangeClosed(1, total).boxed().toList()),
                new TreeSet<>(written.keySet()),
                total + " binds of one key should have returned the versions 1.." + total + ", each once");
        assertEquals(total, clients.get(0).lookup(key).orElseThrow().version(),
                "after " + total + " binds the key's version should be " + total);
        for (Info read : seen) {
            assertEquals(written.get(read.version()), read.text(),
                    "a reader saw " + read + " but the bind that stored version " + read.version()
                            + " stored the text \"" + written.get(read.version()) + "\": a torn read");
        }
    }
}
