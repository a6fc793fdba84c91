package wirelab.sockets.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.sockets.Net;
import wirelab.testkit.Points;
import wirelab.testkit.StartGate;

/** Exercise 4: SelectorEchoServer, one thread for all clients. */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Part4SelectorEchoServerTest {

    @Test
    @Points(2)
    @DisplayName("4 the selector server echoes \"Hello, world\"")
    void test01_echoes() throws Exception {
        try (SelectorEchoServer server = new SelectorEchoServer(0); Socket client = Net.connect(server.port())) {
            Net.send(client, "Hello, world");
            assertEquals("Hello, world", Net.readExactly(client, 12, "the echo"));
            Net.send(client, "again");
            assertEquals("again", Net.readExactly(client, 5, "the second echo on the same connection"));
        }
    }

    @Test
    @Points(3)
    @DisplayName("4 50 clients at the same time, 20 messages each: every client gets exactly its own echoes")
    void test02_manyConcurrentClients() throws Exception {
        try (SelectorEchoServer server = new SelectorEchoServer(0)) {
            StartGate.run(50, worker -> {
                try (Socket s = Net.connect(server.port())) {
                    for (int i = 0; i < 20; i++) {
                        String m = String.format("client %02d message %02d;", worker, i);
                        Net.send(s, m);
                        assertEquals(m, Net.readExactly(s, m.length(), "client " + worker + "'s echo " + i),
                                "client " + worker + " got someone else's bytes or lost some");
                    }
                }
            });
        }
    }

    @Test
    @Points(2)
    @DisplayName("4 40 connected clients are served by one server thread, not one thread each")
    void test03_oneThreadForAllClients() throws Exception {
        Set<Thread> before = Net.threadsNow();
        List<Socket> clients = new ArrayList<>();
        try (SelectorEchoServer server = new SelectorEchoServer(0)) {
            for (int i = 0; i < 40; i++) {
                Socket s = Net.connect(server.port());
                clients.add(s);
                Net.send(s, "x");
                Net.readExactly(s, 1, "client " + i + "'s echo");
            }
            Set<Thread> started = Net.newThreads(before);
            assertTrue(started.size() <= 1,
                    "a selector server needs one thread for all clients, but runs " + started.size() + ": "
                            + Net.names(started));
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("4 close() ends the selector thread and disconnects every client")
    void test04_closeLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = Net.threadsNow();
        SelectorEchoServer server = new SelectorEchoServer(0);
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Socket s = Net.connect(server.port());
            clients.add(s);
            Net.send(s, "y");
            Net.readExactly(s, 1, "client " + i + "'s echo");
        }
        server.close();
        for (int i = 0; i < clients.size(); i++) {
            assertTrue(Net.closedByPeer(clients.get(i)), "client " + i + " should see its connection end on close()");
            clients.get(i).close();
        }
        Net.assertNoThreadLeftBehind(before, "the selector echo server");
    }
}
