package wirelab.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Keeps what one test leaves behind from failing the next one, in the same JVM. After each test
 * it closes what the test {@link Cleanup#register registered}; after each test class, what the
 * class registered, and it interrupts the non-daemon threads the class started that still run
 * the lab's code (a student's server loop, a stuck worker). What it could not clean up (a thread
 * that ignores interrupts, a registry still exported, a close that threw) is remembered, and when
 * a later test fails while it is still there, that failure says so first:
 * "the environment was left dirty by an earlier test: …". It never fails or passes a test itself.
 *
 * <p>Every graded test gets it through {@link Points}; a test class adds
 * {@code @ExtendWith(Leftovers.class)} to have its {@code @BeforeAll} covered too. Registered only
 * on methods, it notices a class's end when the next class's first test starts.
 */
public final class Leftovers implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    /** What the failure message starts with when an earlier test left something behind. */
    public static final String DIRTY = "the environment was left dirty by an earlier test: ";

    /** Something left behind: a thread (reported while it lives) or a resource that could not be closed. */
    private record Dirt(String what, Thread thread) {
        boolean stillThere() {
            return thread == null || thread.isAlive();
        }
    }

    private static final List<Dirt> dirt = new ArrayList<>();
    private static Class<?> currentClass;
    private static Set<Thread> threadsBeforeClass = Set.of();

    /** Lab code lives in {@code wirelab.<lab>}; these are the course's own packages. */
    private static final List<String> COURSE_PACKAGES = List.of("wirelab.testkit.", "wirelab.grading.");

    @Override
    public void beforeAll(ExtensionContext context) {
        enterClass(context.getRequiredTestClass());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        leaveClass();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        enterClass(context.getRequiredTestClass());
        Cleanup.testStarted();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String test = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        for (String failed : Cleanup.testFinished()) {
            remember(new Dirt(test + ": " + failed, null));
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw explained(failure);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw explained(failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw explained(failure);
    }

    /** What earlier tests left that is still there, or an empty list. */
    public static synchronized List<String> dirt() {
        dirt.removeIf(d -> !d.stillThere());
        return dirt.stream().map(Dirt::what).toList();
    }

    /** A new test class: the one before it has ended (its {@code @AfterAll} ran), so clean up after it. */
    private static synchronized void enterClass(Class<?> testClass) {
        if (testClass == currentClass) {
            return;
        }
        leaveClass();
        currentClass = testClass;
        threadsBeforeClass = liveThreads().keySet();
    }

    private static synchronized void leaveClass() {
        if (currentClass == null) {
            return;
        }
        String cls = currentClass.getSimpleName();
        for (String failed : Cleanup.classFinished()) {
            remember(new Dirt(cls + ": " + failed, null));
        }
        liveThreads().forEach((t, stack) -> {
            String labFrame = labFrame(stack);
            // JUnit's own timeout threads (the watcher of @Timeout, or one that is only winding down) are
            // not dirt; one stuck in lab code is
            boolean junitIdle = (t.getName().startsWith("junit-timeout-thread")
                    || t.getName().startsWith("junit-jupiter-timeout-watcher")) && labFrame == null;
            if (!threadsBeforeClass.contains(t) && !t.isDaemon() && !junitIdle) {
                if (labFrame != null) {
                    t.interrupt();   // the student's loop should end on it; if not, it is reported below
                }
                remember(new Dirt(cls + " left thread \"" + t.getName() + "\" running"
                        + (labFrame == null ? "" : " (in " + labFrame + ")"), t));
            }
        });
        currentClass = null;
        threadsBeforeClass = Set.of();
    }

    private static void remember(Dirt d) {
        if (dirt.size() < 50) {
            dirt.add(d);
        }
    }

    /** The failure, its message led by what earlier tests left behind (if anything is still there). */
    static Throwable explained(Throwable failure) {
        if (failure instanceof TestAbortedException) {
            return failure;
        }
        List<String> left = dirt();
        if (left.isEmpty()) {
            return failure;
        }
        String message = DIRTY + String.join("; ", left.subList(0, Math.min(5, left.size())))
                + (left.size() > 5 ? "; and " + (left.size() - 5) + " more" : "")
                + ". This failure may come from that rather than from this test: " + failure.getMessage();
        AssertionFailedError explained = failure instanceof AssertionFailedError afe && afe.isExpectedDefined()
                && afe.isActualDefined()
                ? new AssertionFailedError(message, afe.getExpected().getValue(), afe.getActual().getValue(), failure)
                : new AssertionFailedError(message, failure);
        explained.setStackTrace(failure.getStackTrace());
        return explained;
    }

    private static Map<Thread, StackTraceElement[]> liveThreads() {
        Map<Thread, StackTraceElement[]> out = new IdentityHashMap<>();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.isAlive()) {
                out.put(t, stack);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** The first frame of the lab's own code in a stack, or null. */
    private static String labFrame(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (c.startsWith("wirelab.") && COURSE_PACKAGES.stream().noneMatch(c::startsWith)) {
                return c.substring(c.lastIndexOf('.') + 1) + "." + e.getMethodName();
            }
        }
        return null;
    }
}
