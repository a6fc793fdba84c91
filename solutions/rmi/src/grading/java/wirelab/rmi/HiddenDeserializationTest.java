package wirelab.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.rmi.registry.LocateRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import wirelab.testkit.Loopback;
import wirelab.testkit.Points;

/** Hidden, task 4: the filter on the wire, and values that check themselves when read. */
@ExtendWith(RmiCleanup.class)
@TestMethodOrder(MethodOrderer.MethodName.class)
@DisplayName("Task 4 (more): the filter on the wire")
class HiddenDeserializationTest {

    private InfoServer server;
    private InfoClient client;

    @AfterEach
    void tearDown() {
        TestServers.closeAll(client, server);
    }

    @Test
    @Points(3)
    @DisplayName("a peer that sends another class where an Info belongs is refused before that class's code runs:"
            + " by the server, and by a client's listener")
    void test01_serverRejectsUnexpectedClassOnTheWire() throws Throwable {
        server = TestServers.start();
        InfoService stub = (InfoService) LocateRegistry.getRegistry(TestServers.HOST, server.port())
                .lookup(InfoService.NAME);
        int before = Gadget.READS.get();

        // What a hostile client can do: call bind(String, Info) with any object as the Info.
        Throwable thrown = sendGadget(stub, InfoService.class.getMethod("bind", String.class, Info.class));
        assertEquals(before, Gadget.READS.get(),
                "the server ran the Gadget's readObject: the store must be exported with the lab's filter"
                        + " (UnicastRemoteObject.exportObject(store, port, csf, ssf, LabFilter.INSTANCE))");
        assertTrue(rejectedByFilter(thrown), "the call should fail because the filter REJECTED the class, but it ended"
                + " with: " + thrown);
        client = TestServers.connect(server);
        assertEquals(Optional.empty(), client.lookup("k"), "nothing should be stored by a refused call");
        client.close();

        // a client's listener is a remote object too: a server may send it anything where an Info belongs
        Collector hostile = new Collector();
        int port = Loopback.freePort();
        TestServers.createRegistry(port).rebind(InfoService.NAME, TestServers.export(hostile, InfoService.class));
        client = RmiCleanup.track(InfoClient.connect(TestServers.HOST, port));
        client.subscribe((key, value) -> { });
        InfoListener listener = hostile.listeners.get(0);
        int beforeListener = Gadget.READS.get();
        Throwable sent = sendGadget(listener, InfoListener.class.getMethod("changed", String.class, Info.class));
        assertEquals(beforeListener, Gadget.READS.get(),
                "a server sent a Gadget to a client's listener, and the client ran its readObject: subscribe should"
                        + " export the listener with the lab's filter too (exportObject(listener, 0, null,"
                        + " callbackSockets, LabFilter.INSTANCE))");
        assertTrue(rejectedByFilter(sent), "a call to a client's listener with a Gadget where an Info belongs should fail"
                + " because the listener's filter REJECTED the class, but it ended with: " + sent);
    }

    /** Calls {@code method(String, Info)} on a stub with a Gadget as the Info, as a hostile peer can; what it threw. */
    private static Throwable sendGadget(Object stub, java.lang.reflect.Method method) {
        try {
            Proxy.getInvocationHandler(stub).invoke(stub, method, new Object[] {"k", new Gadget()});
            return null;
        } catch (Throwable e) {
            return e;
        }
    }

    private static boolean rejectedByFilter(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof InvalidClassException && String.valueOf(t.getMessage()).contains("REJECTED")) {
                return true;
            }
        }
        return false;
    }

    /** A stand-in INFO server that keeps the listener stubs clients register, and does nothing else. */
    static final class Collector implements InfoService {
        final List<InfoListener> listeners = new CopyOnWriteArrayList<>();

        @Override
        public Info bind(String key, Info value) {
            throw new UnsupportedOperationException("not used by this test");
        }

        @Override
        public Info lookup(String key) {
            return null;
        }

        @Override
        public List<String> list(String prefix) {
            return List.of();
        }

        @Override
        public boolean remove(String key) {
            return false;
        }

        @Override
        public void addListener(InfoListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(InfoListener listener) {
            listeners.remove(listener);
        }
    }

    @Test
    @Points(2)
    @DisplayName("an Info whose bytes break its rules (negative version) is refused when read")
    void test02_infoChecksItselfWhenRead() throws Exception {
        Info info = new Info("sunny", 1);
        Field version = Info.class.getDeclaredField("version");
        version.setAccessible(true);
        version.setLong(info, -5);   // what a hand-crafted stream could contain

        byte[] bytes = SafeDeserializationTest.serialize(info);
        assertThrows(InvalidObjectException.class, () -> SafeDeserializationTest.readFiltered(bytes),
                "reading an Info with version -5 should throw InvalidObjectException:"
                        + " a readObject method should check what the constructor checks");
    }

    @Test
    @Points(1)
    @DisplayName("the filter refuses a stub of a remote interface that is not the lab's, or not only the lab's")
    void test03_foreignStubsAreRejected() {
        Class<?> foreign = proxyOf(java.rmi.registry.Registry.class);
        assertEquals(java.io.ObjectInputFilter.Status.REJECTED,
                LabFilter.INSTANCE.checkInput(SafeDeserializationTest.about(foreign)),
                "a stub for java.rmi.registry.Registry is not a lab type: the filter should reject it");
        Class<?> mixed = proxyOf(InfoListener.class, java.rmi.registry.Registry.class);
        assertEquals(java.io.ObjectInputFilter.Status.REJECTED,
                LabFilter.INSTANCE.checkInput(SafeDeserializationTest.about(mixed)),
                "a stub for InfoListener AND java.rmi.registry.Registry is not a stub of the lab's remote interfaces"
                        + " only: the filter should reject it (every interface of the proxy must be one of the lab's)");
        Class<?> local = proxyOf(NotRemote.class);
        assertEquals(java.io.ObjectInputFilter.Status.REJECTED,
                LabFilter.INSTANCE.checkInput(SafeDeserializationTest.about(local)),
                "a proxy for an interface of the lab's package that is not Remote is no stub: the filter should"
                        + " reject it (the lab's REMOTE interfaces only)");
    }

    /** An interface of the lab's package that is not Remote. */
    interface NotRemote {
    }

    private Class<?> proxyOf(Class<?>... interfaces) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), interfaces, (proxy, method, args) -> null).getClass();
    }

    @Test
    @Points(1)
    @DisplayName("a call whose arguments repeat an object (the key is also the text) reaches the server")
    void test04_repeatedObjectsPassOnTheWire() throws Exception {
        server = TestServers.start();
        client = TestServers.connect(server);
        String same = "weather/paris";
        Info stored;
        try {
            stored = client.bind(same, same);   // one String object twice: the stream sends it once, then refers back
        } catch (InfoUnavailableException e) {
            throw new AssertionError("bind(k, k) failed on the server: " + e.getMessage()
                    + ". The stream sends the repeated String once and then a back-reference, which the filter is"
                    + " asked about with serialClass() == null; reject that only beyond the limits", e);
        }
        assertEquals(new Info(same, 1), stored, "bind(k, k) should store the text k at version 1");
    }

    @Test
    @Points(1)
    @DisplayName("an Info read from a stream may hold up to MAX_TEXT chars, not more, and never a null text")
    void test05_infoTextLimitsWhenRead() throws Exception {
        Info longest = new Info("x".repeat(Info.MAX_TEXT), 2);
        assertEquals(longest, SafeDeserializationTest.readFiltered(SafeDeserializationTest.serialize(longest)),
                "an Info with exactly MAX_TEXT chars is valid and should be read");
        Field text = Info.class.getDeclaredField("text");
        text.setAccessible(true);
        Info tooLong = new Info("ok", 1);
        text.set(tooLong, "x".repeat(Info.MAX_TEXT + 1));
        byte[] tooLongBytes = SafeDeserializationTest.serialize(tooLong);
        assertThrows(InvalidObjectException.class, () -> readUnfiltered(tooLongBytes),
                "reading an Info whose text has MAX_TEXT + 1 chars should throw InvalidObjectException");
        Info noText = new Info("ok", 1);
        text.set(noText, null);
        byte[] noTextBytes = SafeDeserializationTest.serialize(noText);
        assertThrows(InvalidObjectException.class, () -> readUnfiltered(noTextBytes),
                "reading an Info whose text is null should throw InvalidObjectException");
    }

    private static Object readUnfiltered(byte[] bytes) throws Exception {
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
