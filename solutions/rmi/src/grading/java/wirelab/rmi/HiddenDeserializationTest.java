package wirelab.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.rmi.registry.LocateRegistry;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
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
    @DisplayName("a client that sends another class where an Info belongs is refused before that class's code runs on the server")
    void test01_serverRejectsUnexpectedClassOnTheWire() throws Throwable {
        server = TestServers.start();
        InfoService stub = (InfoService) LocateRegistry.getRegistry(TestServers.HOST, server.port())
                .lookup(InfoService.NAME);
        int before = Gadget.READS.get();

        // What a hostile client can do: call bind(String, Info) with any object as the Info.
        Throwable thrown = null;
        try {
            Proxy.getInvocationHandler(stub).invoke(stub,
                    InfoService.class.getMethod("bind", String.class, Info.class), new Object[] {"k", new Gadget()});
        } catch (Throwable e) {
            thrown = e;
        }
        assertEquals(before, Gadget.READS.get(),
                "the server ran the Gadget's readObject: the store must be exported with the lab's filter"
                        + " (UnicastRemoteObject.exportObject(store, port, csf, ssf, LabFilter.INSTANCE))");
        boolean rejected = false;
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            rejected |= t instanceof InvalidClassException && String.valueOf(t.getMessage()).contains("REJECTED");
        }
        assertTrue(rejected, "the call should fail because the filter REJECTED the class, but it ended with: " + thrown);
        client = TestServers.connect(server);
        assertEquals(Optional.empty(), client.lookup("k"), "nothing should be stored by a refused call");
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
    @DisplayName("the filter refuses a stub of a remote interface that is not the lab's")
    void test03_foreignStubsAreRejected() {
        Class<?> foreign = Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {java.rmi.registry.Registry.class}, (proxy, method, args) -> null).getClass();
        assertEquals(java.io.ObjectInputFilter.Status.REJECTED,
                LabFilter.INSTANCE.checkInput(SafeDeserializationTest.about(foreign)),
                "a stub for java.rmi.registry.Registry is not a lab type: the filter should reject it");
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
