package wirelab.testkit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Things a test starts that must not outlive it: a registry, an exported object, a server, an
 * executor. Register them and {@link Leftovers} closes them after the test (registered in a test
 * method or {@code @BeforeEach}) or after the test class (registered in {@code @BeforeAll}), in
 * reverse order, even when the test failed half-way. The next test then starts clean, and a
 * failure there is about the student's code, not about what an earlier test left behind.
 *
 * <pre>{@code
 * Registry registry = Cleanup.register("the RMI registry", LocateRegistry.createRegistry(0),
 *         r -> UnicastRemoteObject.unexportObject(r, true));
 * ServerSocket server = Cleanup.register(Loopback.serverSocket());
 * Cleanup.register("the student's server", student::stop);
 * }</pre>
 *
 * Every graded test ({@link Points}) runs with {@link Leftovers}; an ungraded test class adds
 * {@code @ExtendWith(Leftovers.class)}.
 */
public final class Cleanup {

    /** Something to close, and what to call it when it cannot be closed. */
    record Item(String what, AutoCloseable closer) {
    }

    private static final Deque<Item> classScope = new ArrayDeque<>();
    private static final Deque<Item> testScope = new ArrayDeque<>();
    private static volatile boolean inTest;

    private Cleanup() {
    }

    /** Closes {@code resource} when the current test (or test class, outside a test) ends; returns it. */
    public static <T extends AutoCloseable> T register(T resource) {
        register(String.valueOf(resource), resource);
        return resource;
    }

    /** How to close a resource that is not {@link AutoCloseable} (a registry, an exported object). */
    @FunctionalInterface
    public interface Closer<T> {
        void close(T resource) throws Exception;
    }

    /** Closes {@code resource} with {@code closer} when the current test (or test class) ends; returns it. */
    public static <T> T register(String what, T resource, Closer<? super T> closer) {
        register(what, () -> closer.close(resource));
        return resource;
    }

    /** Runs {@code closer} when the current test (or test class, outside a test) ends; {@code what} names it in reports. */
    public static void register(String what, AutoCloseable closer) {
        synchronized (Cleanup.class) {
            (inTest ? testScope : classScope).push(new Item(what, closer));
        }
    }

    static synchronized void testStarted() {
        inTest = true;
    }

    /** Closes what the test registered; returns what could not be closed (and why). */
    static List<String> testFinished() {
        List<Item> items;
        synchronized (Cleanup.class) {
            inTest = false;
            items = new ArrayList<>(testScope);
            testScope.clear();
        }
        return closeAll(items);
    }

    /** Closes what the test class registered outside its tests. */
    static List<String> classFinished() {
        List<Item> items;
        synchronized (Cleanup.class) {
            items = new ArrayList<>(testScope);
            items.addAll(classScope);
            testScope.clear();
            classScope.clear();
            inTest = false;
        }
        return closeAll(items);
    }

    /** In order (the deques hold the last registered first); one that throws does not stop the others. */
    private static List<String> closeAll(List<Item> items) {
        List<String> failed = new ArrayList<>();
        for (Item item : items) {
            try {
                item.closer().close();
            } catch (Exception | LinkageError e) {
                failed.add(item.what() + " could not be closed (" + e + ")");
            }
        }
        return failed;
    }
}
