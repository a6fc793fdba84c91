package wirelab.sockets.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.SocketTimeoutException;
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

/** Exercise 1.3: PooledEchoServer, a bounded thread pool. */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Part1PooledEchoServerTest {

    @Test
    @Points(2)
    @DisplayName("1.3 a pool of 3 serves 3 connected clients at the same time")
    void test01_servesPoolSizeClientsAtOnce() throws Exception {
        try (EchoServer server = new PooledEchoServer(0, 3)) {
            List<Socket> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    clients.add(Net.connect(server.port()));
                }
                for (int i = 0; i < 3; i++) {
                    Net.send(clients.get(i), "client" + i);
                    assertEquals("client" + i, Net.readExactly(clients.get(i), 7, "client " + i + "'s echo"),
                            "with 3 workers, 3 clients that stay connected should all be answered");
                }
            } finally {
                for (Socket c : clients) {
                    c.close();
                }
            }
        }
    }

    @Test
    @Points(3)
    @DisplayName("1.3 with 2 workers busy, a third client waits, and is answered as soon as one of the two leaves")
    void test02_queuesTheClientBeyondThePool() throws Exception {
        try (EchoServer server = new PooledEchoServer(0, 2);
             Socket a = Net.connect(server.port());
             Socket b = Net.connect(server.port());
             Socket c = Net.connect(server.port())) {
            Net.send(a, "a");
            Net.readExactly(a, 1, "client a's echo");
            Net.send(b, "b");
            Net.readExactly(b, 1, "client b's echo");
            Net.send(c, "c");
            c.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, () -> c.getInputStream().read(),
                    "with both workers busy, the third client should not be answered yet: is the pool bounded to poolSize threads?");
            c.setSoTimeout(Net.READ_TIMEOUT_MILLIS);
            a.close();
            assertEquals("c", Net.readExactly(c, 1, "the third client's echo after the first client left"),
                    "once a worker is free, the waiting client should be served");
        }
    }

    @Test
    @Points(2)
    @DisplayName("1.3 20 connected clients use no more than poolSize (4) server threads")
    void test03_usesAtMostPoolSizeThreads() throws Exception {
        Set<Thread> before = Net.threadsNow();
        List<Socket> clients = new ArrayList<>();
        try (EchoServer server = new PooledEchoServer(0, 4)) {
            for (int i = 0; i < 20; i++) {
                Socket s = Net.connect(server.port());
                clients.add(s);
                Net.send(s, "x");
            }
            for (int i = 0; i < 4; i++) {
                Net.readExactly(clients.get(i), 1, "client " + i + "'s echo");
            }
            Set<Thread> started = Net.newThreads(before);
            assertTrue(started.size() <= 5,
                    "expected at most 4 workers + 1 acceptor for 20 clients, but the server runs " + started.size()
                            + " threads: " + Net.names(started));
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
    }

    @Test
    @Points(3)
    @DisplayName("1.3 close() ends every worker, also with clients still waiting in the queue")
    void test04_closeLeavesNoThreadBehind() throws Exception {
        Set<Thread> before = Net.threadsNow();
        EchoServer server = new PooledEchoServer(0, 1);
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Socket s = Net.connect(server.port());
            clients.add(s);
            Net.send(s, "q");
        }
        Net.readExactly(clients.get(0), 1, "the first client's echo");
        server.close();
        for (int i = 0; i < clients.size(); i++) {
            assertTrue(Net.closedByPeer(clients.get(i)),
                    "client " + i + " (served or still queued) should see its connection end when the server closes");
            clients.get(i).close();
        }
        Net.assertNoThreadLeftBehind(before, "the pooled echo server");
    }
}
