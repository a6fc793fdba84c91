package wirelab.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.rmi.server.RemoteObjectInvocationHandler;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import wirelab.testkit.Points;

/**
 * Task 4: value objects travel by copy (serialization), and the server reads only the lab's
 * own types. Run: {@code ./mvnw test -Dtest=SafeDeserializationTest}
 */
@ExtendWith(RmiCleanup.class)
@TestMethodOrder(MethodOrderer.MethodName.class)
@DisplayName("Task 4: value objects and safe deserialization")
class SafeDeserializationTest {

    static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** Reads one object the way the server does: through the lab's filter. */
    static Object readFiltered(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(LabFilter.INSTANCE);
            return in.readObject();
        }
    }

    @Test
    @Points(1)
    @DisplayName("Info declares its own serialVersionUID")
    void test01_infoDeclaresSerialVersionUid() throws Exception {
        Field field;
        try {
            field = Info.class.getDeclaredField("serialVersionUID");
        } catch (NoSuchFieldException e) {
            throw new AssertionError("Info should declare 'private static final long serialVersionUID': without it,"
                    + " the JVM computes one from the class's shape and any change breaks old streams");
        }
        int mods = field.getModifiers();
        assertTrue(Modifier.isStatic(mods) && Modifier.isFinal(mods) && field.getType() == long.class,
                "serialVersionUID should be a static final long, but is declared as " + field);
    }

    /** What the filter is asked about one class, as ObjectInputStream would ask it. */
    static ObjectInputFilter.FilterInfo about(Class<?> type) {
        return new ObjectInputFilter.FilterInfo() {
            public Class<?> serialClass() { return type; }
            public long arrayLength() { return -1; }
            public long depth() { return 1; }
            public long references() { return 1; }
            public long streamBytes() { return 100; }
        };
    }

    @Test
    @Points(1)
    @DisplayName("the filter explicitly allows the lab's types: Info, String and listener stubs (with what a stub is made of)")
    void test02_filterAllowsLabTypes() throws Exception {
        Class<?> stubClass = Proxy.newProxyInstance(InfoListener.class.getClassLoader(),
                new Class<?>[] {InfoListener.class}, (proxy, method, args) -> null).getClass();
        // what a stub is made of, as ObjectInputStream asks about it: its interface, its proxy class,
        // Proxy, the RMI handler and the handler's superclass
        for (Class<?> type : List.of(Info.class, String.class, InfoListener.class, stubClass, Proxy.class,
                RemoteObjectInvocationHandler.class, java.rmi.server.RemoteObject.class)) {
            assertEquals(ObjectInputFilter.Status.ALLOWED, LabFilter.INSTANCE.checkInput(about(type)),
                    "LabFilter should answer ALLOWED for " + type.getName()
                            + " (UNDECIDED leaves the decision to someone else)");
        }
        Info info = new Info("sunny", 3);
        assertEquals(info, readFiltered(serialize(info)), "an Info should pass the filter and arrive equal");
    }

    @Test
    @Points(2)
    @DisplayName("the filter rejects a class the lab does not use, before any of its code runs")
    void test03_filterRejectsUnexpectedClasses() throws Exception {
        int before = Gadget.READS.get();
        InvalidClassException e = assertThrows(InvalidClassException.class, () -> readFiltered(serialize(new Gadget())),
                "reading a Gadget through LabFilter should fail with InvalidClassException (filter status: REJECTED)");
        assertTrue(String.valueOf(e.getMessage()).contains("REJECTED"),
                "the failure should come from the filter (REJECTED), but was: " + e.getMessage());
        assertEquals(before, Gadget.READS.get(), "the Gadget's readObject ran: the filter let it in");
        assertThrows(InvalidClassException.class, () -> readFiltered(serialize(new HashMap<>())),
                "a HashMap is not one of the lab's types: the filter should reject it too");
        // the JDK's own classes next to the ones a stub is made of are not the lab's either
        for (Class<?> type : List.of(Integer.class, Object.class, Throwable.class, StackTraceElement.class,
                java.rmi.MarshalledObject.class, java.rmi.server.UID.class, java.lang.reflect.InvocationHandler.class)) {
            assertEquals(ObjectInputFilter.Status.REJECTED, LabFilter.INSTANCE.checkInput(about(type)),
                    "LabFilter should answer REJECTED for " + type.getName() + ": it is not one of the lab's types"
                            + " (allow the classes themselves, not whole packages such as java.lang or java.rmi)");
        }
    }

    /** What the filter is asked when a stream reaches the given size (class null: a limits-only check). */
    static ObjectInputFilter.FilterInfo sized(Class<?> type, long depth, long references, long bytes) {
        return new ObjectInputFilter.FilterInfo() {
            public Class<?> serialClass() { return type; }
            public long arrayLength() { return -1; }
            public long depth() { return depth; }
            public long references() { return references; }
            public long streamBytes() { return bytes; }
        };
    }

    @Test
    @Points(2)
    @DisplayName("the filter rejects a stream beyond its limits (nesting, object count, bytes), even one of the lab's own types")
    void test04_filterEnforcesLimits() {
        String[] what = {"nested " + (LabFilter.MAX_DEPTH + 1) + " objects deep (MAX_DEPTH is " + LabFilter.MAX_DEPTH + ")",
                "with " + (LabFilter.MAX_REFERENCES + 1) + " objects and references (MAX_REFERENCES is " + LabFilter.MAX_REFERENCES + ")",
                "of " + (LabFilter.MAX_BYTES + 1) + " bytes (MAX_BYTES is " + LabFilter.MAX_BYTES + ")"};
        for (Class<?> type : new Class<?>[] {Info.class, String.class, null}) {
            ObjectInputFilter.FilterInfo[] over = {
                    sized(type, LabFilter.MAX_DEPTH + 1, 10, 1_000),
                    sized(type, 2, LabFilter.MAX_REFERENCES + 1, 1_000),
                    sized(type, 2, 10, LabFilter.MAX_BYTES + 1)};
            for (int i = 0; i < over.length; i++) {
                assertEquals(ObjectInputFilter.Status.REJECTED, LabFilter.INSTANCE.checkInput(over[i]),
                        "a stream " + what[i] + " should be REJECTED whatever it holds (asked about "
                                + (type == null ? "no class, a limits-only check" : type.getSimpleName())
                                + "): the lab's own types can still be sent by the million to eat the server's memory");
            }
        }
        assertEquals(ObjectInputFilter.Status.ALLOWED, LabFilter.INSTANCE.checkInput(
                        sized(Info.class, LabFilter.MAX_DEPTH, LabFilter.MAX_REFERENCES, LabFilter.MAX_BYTES)),
                "an Info exactly AT the limits (depth " + LabFilter.MAX_DEPTH + ", " + LabFilter.MAX_REFERENCES
                        + " references, " + LabFilter.MAX_BYTES + " bytes) is within them and should be ALLOWED;"
                        + " reject only beyond a limit (>, not >=)");
    }

    @Test
    @Points(1)
    @DisplayName("an object graph that repeats an object (a back-reference) passes the filter; a foreign class after it does not")
    void test05_backReferencesPass() throws Exception {
        assertTrue(LabFilter.INSTANCE.checkInput(sized(null, 2, 3, 200)) != ObjectInputFilter.Status.REJECTED,
                "a stream that refers back to an object it already sent asks the filter with no class"
                        + " (serialClass() == null) and small counts: that is a limits-only check, and within the limits"
                        + " the filter should not reject it (UNDECIDED or ALLOWED)");
        Info info = new Info("sunny", 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(info);
            out.writeObject(info);   // the second time, the stream only refers back to the first
            out.writeObject(new Gadget());
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.setObjectInputFilter(LabFilter.INSTANCE);
            Object first = in.readObject();
            Object again;
            try {
                again = in.readObject();
            } catch (InvalidClassException e) {
                throw new AssertionError("the filter rejected a back-reference to an Info it had just allowed: " + e.getMessage()
                        + ". A back-reference comes with serialClass() == null; reject it only beyond the limits", e);
            }
            assertEquals(info, first, "the Info should arrive equal");
            assertTrue(first == again, "the repeated Info should arrive as the same object");
            assertThrows(InvalidClassException.class, in::readObject,
                    "after the Info and its back-reference the stream holds a Gadget: the filter should still reject it");
        }
    }
}
