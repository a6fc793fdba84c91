package wirelab.testkit;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Marks a test's own read from a socket with a read timeout, whose timeout fails the test
 * ("expected 12 bytes of the echo, but only 0 arrived within 5000 ms"):
 *
 * <pre>{@code
 * try (Reads.Bounded read = Reads.failingAtTimeout("the echo", in)) {
 *     n = in.read(buffer);
 * } catch (IOException e) {
 *     if (e instanceof SocketTimeoutException || read.ended()) fail("no echo within …");
 * }
 * }</pre>
 *
 * <p>For the grader: when such a read is all that is left to happen (every other thread waits,
 * and the kernel shows no byte on its way), nothing can arrive before the timeout, so the grader
 * ends the read at once ({@link #end}: it closes the stream), and the test fails then as it
 * would have at the timeout. Mark only a read whose timeout always fails the test, never one that
 * may time out on purpose (a check that a server stays silent).
 */
public final class Reads {

    private record Read(String what, Closeable source, AtomicBoolean ended) {
    }

    /** By thread id: the marked read the thread is in. */
    private static final Map<Long, Read> READING = new ConcurrentHashMap<>();

    private Reads() {
    }

    /** The marked stretch of a read; ends with {@link #close()}. */
    public interface Bounded extends AutoCloseable {

        /** Whether the grader ended the read (its timeout was all that could still happen): fail as at the timeout. */
        boolean ended();

        @Override
        void close();
    }

    /**
     * Marks the calling thread's reads from {@code source} until the result is closed; {@code
     * what} names what it waits for.
     */
    public static Bounded failingAtTimeout(String what, Closeable source) {
        long id = Thread.currentThread().getId();
        Read read = new Read(what == null ? "" : what, source, new AtomicBoolean());
        READING.put(id, read);
        return new Bounded() {
            @Override
            public boolean ended() {
                return read.ended().get();
            }

            @Override
            public void close() {
                READING.remove(id, read);
            }
        };
    }

    /** What the thread with this id reads while in a marked read, else null. */
    public static String of(long threadId) {
        Read read = READING.get(threadId);
        return read == null ? null : read.what();
    }

    /**
     * For the grader: ends the marked read of the thread with this id now, by closing its stream
     * (the read throws, and {@link Bounded#ended} says why). False when it is in none.
     */
    public static boolean end(long threadId) {
        Read read = READING.get(threadId);
        if (read == null || !read.ended().compareAndSet(false, true)) {
            return false;
        }
        try {
            read.source().close();
        } catch (IOException e) {
            // closed already: the read ends either way
        }
        return true;
    }
}
