package wirelab.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.rmi.RemoteException;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import wirelab.testkit.Loopback;
import wirelab.testkit.Points;

/**
 * Task 1: the INFO service in a registry, a client that looks it up, and a clear message
 * when the server is gone. Run: {@code ./mvnw test -Dtest=InfoServiceTest}
 */
@ExtendWith(RmiCleanup.class)
@TestMethodOrder(MethodOrderer.MethodName.class)
@DisplayName("Task 1: a remote INFO service in an RMI registry")
class InfoServiceTest {

    private InfoServer server;
    private InfoClient client;

    @AfterEach
    void tearDown() {
        TestServers.closeAll(client, server);
    }

    @Test
    @Points(2)
    @DisplayName("a client finds the service in the registry, binds a key and looks it up")
    void test01_bindThenLookup() throws Exception {
        server = TestServers.start();
        client = TestServers.connect(server);

        Info stored = client.bind("weather/paris", "sunny");
        assertEquals(new Info("sunny", 1), stored,
                "bind of a new key should return the value with version 1");
        assertEquals(Optional.of(new Info("sunny", 1)), client.lookup("weather/paris"),
                "lookup should return what bind stored");
    }

    @Test
    @Points(1)
    @DisplayName("binding a key again counts its version up; an unbound key looks up as empty")
    void test02_rebindCountsVersions() throws Exception {
        server = TestServers.start();
        client = TestServers.connect(server);

        client.bind("weather/oslo", "snow");
        Info second = client.bind("weather/oslo", "rain");
        assertEquals(new Info("rain", 2), second, "the second bind of a key should store version 2");
        assertEquals(Optional.empty(), client.lookup("weather/rome"),
                "lookup of a key nobody bound should be empty (the service returns null)");
    }

    @Test
    @Points(2)
    @DisplayName("list shows the keys with a prefix, sorted; remove unbinds a key once")
    void test03_listAndRemove() throws Exception {
        server = TestServers.start();
        client = TestServers.connect(server);
        client.bind("weather/paris", "sunny");
        client.bind("news/today", "quiet");
        client.bind("weather/lyon", "cloudy");
        client.bind("news/weather/today", "storm warning");

        assertEquals(List.of("weather/lyon", "weather/paris"), client.list("weather/"),
                "list(\"weather/\") should return only the keys that START with \"weather/\", sorted"
                        + " (news/weather/today contains it, but further in)");
        assertEquals(List.of("news/today", "news/weather/today", "weather/lyon", "weather/paris"), client.list(""),
                "list(\"\") should return every key, sorted");
        assertTrue(client.remove("weather/lyon"), "remove of a bound key should return true");
        assertFalse(client.remove("weather/lyon"), "removing the same key again should return false");
        assertEquals(List.of("weather/paris"), client.list("weather/"), "a removed key should not be listed");
    }

    @Test
    @Points(2)
    @DisplayName("a server restarted after a crash replaces the old binding in a registry that still holds it")
    void test06_restartReplacesAStaleBinding() throws Exception {
        int port = Loopback.freePort();
        Registry registry = TestServers.createRegistry(port);        // e.g. rmiregistry: it outlives our server
        InfoServer crashed = TestServers.start(port, new InfoStore(TestServers.CALLBACK_TIMEOUT));
        UnicastRemoteObject.unexportObject(crashed.store(), true);   // the server died without unbinding
        assertEquals(List.of(InfoService.NAME), List.of(registry.list()), "the registry still holds the old binding");

        try {
            server = TestServers.start(port, new InfoStore(TestServers.CALLBACK_TIMEOUT));
        } catch (RemoteException | RuntimeException e) {
            throw new AssertionError("InfoServer.start threw " + e + " when the registry still held \"" + InfoService.NAME
                    + "\" from a server that had crashed: a restarted server must replace that binding"
                    + " (registry.rebind), not insist on a fresh one (registry.bind)", e);
        }
        client = TestServers.connect(server);
        assertEquals(new Info("back", 1), client.bind("status", "back"),
                "after the restart, clients should reach the new server through the registry");
    }

    @Test
    @Points(2)
    @DisplayName("when the server has gone, every call of the client says which service is unreachable")
    void test04_serverGoneGivesClearMessage() throws Exception {
        server = TestServers.start();
        client = TestServers.connect(server);
        client.bind("weather/paris", "sunny");
        int port = server.port();
        server.close();

        Map<String, org.junit.jupiter.api.function.Executable> calls = new LinkedHashMap<>();
        calls.put("lookup", () -> client.lookup("weather/paris"));
        calls.put("bind", () -> client.bind("weather/paris", "rain"));
        calls.put("list", () -> client.list("weather/"));
        calls.put("remove", () -> client.remove("weather/paris"));
        for (Map.Entry<String, org.junit.jupiter.api.function.Executable> call : calls.entrySet()) {
            InfoUnavailableException e = assertThrows(InfoUnavailableException.class, call.getValue(),
                    "client." + call.getKey() + " after the server closed should throw InfoUnavailableException, not a"
                            + " raw RemoteException or another exception");
            String message = String.valueOf(e.getMessage());
            assertTrue(message.contains(TestServers.HOST + ":" + port) && message.contains("unreachable"),
                    "the message of client." + call.getKey() + "'s InfoUnavailableException should name the service's"
                            + " host:port and say it is unreachable, but was: " + message);
        }
    }

    @Test
    @Points(1)
    @DisplayName("connecting where no registry runs fails with a clear message")
    void test05_connectWithoutServer() {
        int nobody = Loopback.freePort();
        InfoUnavailableException e = assertThrows(InfoUnavailableException.class,
                () -> InfoClient.connect(TestServers.HOST, nobody),
                "connect to a port where nothing listens should throw InfoUnavailableException");
        String message = String.valueOf(e.getMessage());
        assertTrue(message.contains(TestServers.HOST + ":" + nobody),
                "the message should name " + TestServers.HOST + ":" + nobody + ", but was: " + message);
    }
}
