package wirelab.rmi;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.rmi.NoSuchObjectException;
import java.rmi.Remote;
import java.rmi.server.UnicastRemoteObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test of this lab runs with this extension: after each test, passed or failed, it closes
 * what the test opened and unexports every remote object it can reach from there (servers,
 * their registries and stores, listeners, registries the test made), so one test's leftovers
 * (say, a registry on port 1099) never fail the next test of the same JVM. Before each test it
 * notes whether an earlier test left something exported that could not be reached; the tests
 * that depend on a clean JVM say so instead of failing for a reason that is not theirs.
 * Not graded.
 */
final class RmiCleanup implements BeforeEachCallback, AfterEachCallback {

    private static final ConcurrentLinkedDeque<Object> OPENED = new ConcurrentLinkedDeque<>();
    private static volatile String leftover;

    /** Remembers something a test opened (a server, client, registry, exported object, process). */
    static <T> T track(T thing) {
        if (thing != null) {
            OPENED.push(thing);
        }
        return thing;
    }

    /** Why the JVM was not clean when this test started (null: it was). */
    static String leftover() {
        return leftover;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        List<String> threads = TestServers.nonDaemonRmiThreads();
        if (threads.isEmpty()) {
            leftover = null;
            return;
        }
        // the RMI runtime may need a moment to notice the last unexport of the previous test
        try {
            Waits2.until(() -> TestServers.nonDaemonRmiThreads().isEmpty(), 3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads = TestServers.nonDaemonRmiThreads();
        leftover = threads.isEmpty() ? null
                : "an earlier test left a remote object exported that the tests cannot reach (" + threads
                        + " still runs); it was probably made by a start() or subscribe() that failed half-way";
    }

    @Override
    public void afterEach(ExtensionContext context) {
        cleanUp();
    }

    static void cleanUp() {
        List<Object> things = new ArrayList<>();
        for (Object thing; (thing = OPENED.poll()) != null; ) {
            things.add(thing);
        }
        for (Object thing : things) {            // newest first: clients before servers
            if (thing instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception | LinkageError ignored) {
                    // a starter's close may still be a TODO: unexport below anyway
                }
            }
            if (thing instanceof Process process) {
                process.destroyForcibly();
            }
        }
        for (Object thing : things) {
            unexportAll(thing);
        }
    }

    /** Unexports the object if it is remote, and every remote object in its fields (one level down). */
    private static void unexportAll(Object thing) {
        unexport(thing);
        if (!(thing instanceof InfoServer) && !(thing instanceof InfoClient)) {
            return;
        }
        for (Class<?> type = thing.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    Object value = field.get(thing);
                    if (value instanceof Iterable<?> many) {
                        for (Object one : many) {
                            unexport(one);
                        }
                    } else {
                        unexport(value);
                    }
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    // not ours to read: skip
                }
            }
        }
    }

    private static void unexport(Object object) {
        if (object instanceof InfoStore store) {
            try {
                store.close();
            } catch (RuntimeException | LinkageError ignored) {
                // a starter's close
            }
        }
        if (object instanceof Remote remote && !java.lang.reflect.Proxy.isProxyClass(remote.getClass())) {
            try {
                UnicastRemoteObject.unexportObject(remote, true);
            } catch (NoSuchObjectException notExported) {
                // fine
            }
        }
    }

    /** A plain bounded poll, so the extension does not depend on a test's Awaitility settings. */
    private static final class Waits2 {
        static void until(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
            long end = System.nanoTime() + millis * 1_000_000;
            while (!condition.getAsBoolean() && System.nanoTime() < end) {
                Thread.sleep(10);
            }
        }
    }
}
