package wirelab.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.UnicastRemoteObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import wirelab.testkit.Loopback;
import wirelab.testkit.Points;
import wirelab.testkit.Waits;

/** Hidden, task 1: the edges of the naming service. */
@ExtendWith(RmiCleanup.class)
@TestMethodOrder(MethodOrderer.MethodName.class)
@DisplayName("Task 1 (more): edges of the INFO service")
class HiddenInfoServiceTest {

    private InfoServer server;
    private InfoServer second;
    private InfoClient client;
    private Registry registry;

    @AfterEach
    void tearDown() throws Exception {
        TestServers.closeAll(client, second, server);
        if (registry != null) {
            UnicastRemoteObject.unexportObject(registry, true);
        }
    }

    @Test
    @Points(1)
    @DisplayName("an empty or null key (or a null value) is refused with IllegalArgumentException by every method,"
            + " and the service keeps working")
    void test01_badKeysAreRefused() throws Exception {
        InfoStore store = new InfoStore(TestServers.CALLBACK_TIMEOUT);
        for (String bad : new String[] {"", null}) {
            String shown = bad == null ? "null" : "\"\"";
            assertThrows(IllegalArgumentException.class, () -> store.bind(bad, new Info("x")),
                    "bind(" + shown + ", …) should throw IllegalArgumentException");
            assertThrows(IllegalArgumentException.class, () -> store.lookup(bad),
                    "lookup(" + shown + ") should throw IllegalArgumentException");
            assertThrows(IllegalArgumentException.class, () -> store.remove(bad),
                    "remove(" + shown + ") should throw IllegalArgumentException");
        }
        assertThrows(IllegalArgumentException.class, () -> store.bind("k", null),
                "bind(\"k\", null) should throw IllegalArgumentException (remove unbinds a key)");
        assertEquals(List.of(), store.list(""), "nothing should be stored by refused calls");

        server = TestServers.start();
        client = TestServers.connect(server);
        assertThrows(IllegalArgumentException.class, () -> client.bind("", "x"),
                "bind with an empty key should throw IllegalArgumentException (it reaches the client as is)");
        assertThrows(IllegalArgumentException.class, () -> client.lookup(null),
                "lookup(null) should throw IllegalArgumentException");
        assertThrows(IllegalArgumentException.class, () -> client.remove(""),
                "remove with an empty key should throw IllegalArgumentException (it reaches the client as is)");
        assertEquals(new Info("ok", 1), client.bind("k", "ok"), "the service should keep working after refusing a key");
    }

    @Test
    @Points(2)
    @DisplayName("when a registry already runs on the port, the server binds into it instead of creating one; close()"
            + " unbinds, and unexports the store even when the name or that registry has gone")
    void test02_locatesAnExistingRegistry() throws Exception {
        int port = Loopback.freePort();
        registry = TestServers.createRegistry(port);

        server = TestServers.start(port, new InfoStore(TestServers.CALLBACK_TIMEOUT));
        assertFalse(server.ownsRegistry(), "a registry already ran on port " + port + ": the server should use it");
        assertEquals(List.of(InfoService.NAME), List.of(registry.list()),
                "the existing registry should list the service after the server started");
        client = TestServers.connect(server);
        client.bind("k", "v");
        server.close();
        assertEquals(List.of(), List.of(registry.list()),
                "close() should unbind the service from a registry it did not create (and leave that registry running)");

        InfoStore unboundStore = new InfoStore(TestServers.CALLBACK_TIMEOUT);
        second = TestServers.start(port, unboundStore);
        registry.unbind(InfoService.NAME);
        closeLeniently(second);
        assertFalse(stillExported(unboundStore), "someone else unbound '" + InfoService.NAME + "' from the registry, then"
                + " the server was closed: close() should still unexport the store (unbind failed with NotBoundException,"
                + " but the rest of close() must run anyway, or the store keeps the server's JVM alive)");

        InfoStore orphanStore = new InfoStore(TestServers.CALLBACK_TIMEOUT);
        InfoServer third = TestServers.start(port, orphanStore);
        UnicastRemoteObject.unexportObject(registry, true);   // the registry the server bound into has gone
        registry = null;
        closeLeniently(third);
        assertFalse(stillExported(orphanStore), "the registry the server had bound into went away, then the server was"
                + " closed: close() should still unexport the store (unbind failed with a RemoteException, but the rest"
                + " of close() must run anyway, or the store keeps the server's JVM alive)");
    }

    /** close() may report a failed unbind; what counts here is that it unexported the store all the same. */
    private static void closeLeniently(InfoServer server) {
        try {
            server.close();
        } catch (RuntimeException reported) {
            // allowed: the checks look at what close() left behind
        }
    }

    /** True if {@code store} was still exported (it is not any more: this unexports it). */
    private static boolean stillExported(InfoStore store) {
        try {
            return UnicastRemoteObject.unexportObject(store, true);
        } catch (NoSuchObjectException notExported) {
            return false;
        }
    }

    @Test
    @Points(1)
    @DisplayName("close() twice is harmless, and a new server can start on the same port afterwards")
    void test03_restartOnTheSamePort() throws Exception {
        int port = Loopback.freePort();   // a fixed port: RMI keeps port-0 sockets open for reuse
        server = TestServers.start(port, new InfoStore(TestServers.CALLBACK_TIMEOUT));
        server.close();
        server.close();
        Waits.await("the registry's port " + port + " to be released after close()", Duration.ofSeconds(5))
                .until(() -> canListenOn(port));

        second = TestServers.start(port, new InfoStore(TestServers.CALLBACK_TIMEOUT));
        assertTrue(second.ownsRegistry(), "after close() the port should be free for a new registry");
        client = RmiCleanup.track(InfoClient.connect(TestServers.HOST, port));
        assertEquals(Optional.empty(), client.lookup("k"), "the new server should start empty");
    }

    private static boolean canListenOn(int port) {
        try (ServerSocket socket = new ServerSocket(port, 0, Loopback.ADDRESS)) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }

    @Test
    @Points(1)
    @DisplayName("a key that is removed and bound again starts over at version 1")
    void test04_removeThenBindStartsOver() throws Exception {
        server = TestServers.start();
        client = TestServers.connect(server);
        client.bind("k", "a");
        client.bind("k", "b");
        client.remove("k");
        assertEquals(new Info("c", 1), client.bind("k", "c"), "a key bound after remove is new: version 1");
        assertEquals(List.of("k"), client.list(null), "list(null) should list every key, like list(\"\")");
    }

    @Test
    @Points(2)
    @DisplayName("a start that fails half-way leaves nothing behind: no exported store, no registry on the port")
    void test05_failedStartCleansUp() throws Exception {
        server = TestServers.start();   // first: start honours the port it is given
        // a port where something that is not an RMI registry listens: rebind there fails
        try (ServerSocket notRmi = new ServerSocket(0, 50, Loopback.ADDRESS)) {
            Thread hangUp = new Thread(() -> {      // answers every connection by closing it
                while (!notRmi.isClosed()) {
                    try {
                        notRmi.accept().close();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "not-an-rmi-registry");
            hangUp.setDaemon(true);
            hangUp.start();
            InfoStore store = new InfoStore(TestServers.CALLBACK_TIMEOUT);
            assertThrows(java.rmi.RemoteException.class,
                    () -> RmiCleanup.track(InfoServer.start(notRmi.getLocalPort(), Loopback.ADDRESS, store)),
                    "start on a port where a non-RMI server listens should fail with a RemoteException");
            assertThrows(java.rmi.NoSuchObjectException.class, () -> UnicastRemoteObject.unexportObject(store, true),
                    "after the failed start the store is still exported: unexport it when binding fails,"
                            + " or the server's JVM never ends");
        }
        // a store that is exported already cannot be exported again: start fails after creating its registry
        int port = Loopback.freePort();
        assertThrows(java.rmi.RemoteException.class,
                () -> RmiCleanup.track(InfoServer.start(port, Loopback.ADDRESS, server.store())),
                "starting a second server with a store that is exported already should fail");
        Waits.await("port " + port + " to be free again after a start that failed after creating its registry there:"
                + " unexport the registry you created when the rest of start fails", Duration.ofSeconds(5))
                .until(() -> canListenOn(port));
        assertEquals("sun.rmi.registry.registryFilter=" + LabFilter.REGISTRY_PATTERN,
                "sun.rmi.registry.registryFilter=" + System.getProperty("sun.rmi.registry.registryFilter"),
                "start should install the registry's filter (LabFilter.installRegistryFilter()) before it creates a registry");
    }
}
