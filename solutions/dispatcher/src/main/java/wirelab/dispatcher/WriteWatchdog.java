package wirelab.dispatcher;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The write timeout of a blocking server. A socket's {@code setSoTimeout} bounds reads only: a
 * {@code write()} to a client that reads nothing blocks as soon as the socket's send buffer is
 * full, for ever, and with one worker thread per connection a handful of such clients take every
 * worker (try it: 24 clients that ask for a big file and never read). The JDK has no write timeout
 * for blocking sockets, so one watchdog thread per server looks at every write in progress a few
 * times per timeout and closes the socket of a write that has made no progress for
 * {@link Limits#writeTimeout()}. Closing a socket from another thread makes the blocked
 * {@code write()} throw, and the worker is free again.
 *
 * <p>Progress is measured per chunk of {@value #CHUNK} bytes, so a slow client that keeps reading
 * is not cut off in the middle of a big file; one that stops reading is. Jetty does the same with
 * its idle timeout: a connection on which nothing moved, in either direction, for that long is closed.
 *
 * <pre>{@code
 * OutputStream out = watchdog.watch(socket);   // in the connection's thread
 * ...                                          // writes through out are watched
 * watchdog.forget(out);                        // when the connection ends
 * }</pre>
 */
final class WriteWatchdog implements AutoCloseable {

    /** A write of more bytes is cut into chunks of this size; each one written counts as progress. */
    static final int CHUNK = 16 * 1024;

    private final long timeoutNanos;
    private final Set<Watched> writes = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closed;

    WriteWatchdog(Duration timeout, String name) {
        this.timeoutNanos = timeout.toNanos();
        this.thread = new Thread(this::patrol, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The socket's output stream, watched: a write stuck for longer than the timeout closes the socket. */
    OutputStream watch(Socket socket) throws IOException {
        Watched w = new Watched(socket);
        writes.add(w);
        return w;
    }

    /** Stops watching a stream returned by {@link #watch}. */
    void forget(OutputStream out) {
        writes.remove(out);
    }

    private void patrol() {
        // look often enough that a stuck write is closed at most a quarter timeout late
        long pauseMs = Math.max(5, timeoutNanos / 4_000_000);
        while (!closed) {
            long now = System.nanoTime();
            for (Watched w : writes) {
                long since = w.writingSince;
                if (since != 0 && now - since > timeoutNanos) {
                    w.abort();
                }
            }
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }

    /** An output stream that notes when its current chunk started, 0 while it is not writing. */
    private static final class Watched extends FilterOutputStream {
        private final Socket socket;
        volatile long writingSince;

        Watched(Socket socket) throws IOException {
            super(socket.getOutputStream());
            this.socket = socket;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                while (len > 0) {
                    int n = Math.min(len, CHUNK);
                    writingSince = System.nanoTime();   // a new chunk: the clock starts again
                    out.write(b, off, n);
                    off += n;
                    len -= n;
                }
            } finally {
                writingSince = 0;
            }
        }

        void abort() {
            try {
                socket.close();   // the blocked write() throws a SocketException
            } catch (IOException ignored) {
                // closed anyway
            }
        }
    }
}
