package wirelab.grading.runner;

import wirelab.testkit.Reads;
import wirelab.testkit.Waits;

/**
 * Asks the test kit which threads poll a condition that is not yet true ({@link Waits#unmet}),
 * and which are in a read of the test whose timeout fails it ({@link Reads#of}). The tests and
 * this runner share one class path, so they share the kit's record of it.
 */
final class Polls {

    private static volatile boolean readable = true;
    private static volatile boolean readsReadable = true;

    private Polls() {
    }

    /** What the thread polls for while its condition is false, or null (also when the kit is not there). */
    static String unmet(long threadId) {
        if (!readable) {
            return null;
        }
        try {
            return Waits.unmet(threadId);
        } catch (LinkageError e) {
            readable = false;   // a class path without Awaitility: no test of it polls through the kit
            return null;
        }
    }

    /** Ends the thread's read of the test that fails at its timeout, now ({@link Reads#end}); false when it is in none. */
    static boolean endRead(long threadId) {
        if (!readsReadable) {
            return false;
        }
        try {
            return Reads.end(threadId);
        } catch (LinkageError e) {
            readsReadable = false;
            return false;
        }
    }

    /** What the thread reads while in a read of the test that fails at its timeout, or null. */
    static String boundedRead(long threadId) {
        if (!readsReadable) {
            return null;
        }
        try {
            return Reads.of(threadId);
        } catch (LinkageError e) {
            readsReadable = false;
            return null;
        }
    }
}
