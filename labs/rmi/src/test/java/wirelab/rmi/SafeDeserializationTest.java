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
import wirelab.testkit.Points;

/**
 * Task 4: value objects travel by copy (serialization), and the server reads only the lab's
 * own types. Run: {@code ./mvnw test -Dtest=SafeDeserializationTest}
 */
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
    @DisplayName("the filter explicitly allows the lab's types: Info, String and listener stubs")
    void test02_filterAllowsLabTypes() throws Exception {
        Class<?> stubClass = Proxy.newProxyInstance(InfoListener.class.getClassLoader(),
                new Class<?>[] {InfoListener.class}, (proxy, method, args) -> null).getClass();
        for (Class<?> type : List.of(Info.class, String.class, stubClass, RemoteObjectInvocationHandler.class)) {
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
    }
}
