package wirelab.dispatcher;

import java.time.Duration;

/**
 * How much a client may send and how long it may take. Without limits one client could fill the
 * server's memory with an endless header, hold a worker thread forever by sending one byte a
 * minute ("slowloris"), or by never reading what it asked for (a "slow reader": the worker
 * blocks in {@code write()} once the socket's send buffer is full).
 *
 * @param maxRequestLine  longest request line in bytes (longer: 414 URI Too Long)
 * @param maxHeaderBytes  all header lines together, in bytes (more: 431 Request Header Fields Too Large)
 * @param maxBody         largest Content-Length accepted (larger: 413 Content Too Large)
 * @param idleTimeout     how long a kept-alive connection may wait for its next request before it is closed
 * @param requestTimeout  how long a client may take to send one whole request once it has started (slower: 408)
 * @param writeTimeout    how long a response write may make no progress (the client reads nothing)
 *                        before the connection is closed and its worker freed
 */
public record Limits(int maxRequestLine, int maxHeaderBytes, long maxBody,
                     Duration idleTimeout, Duration requestTimeout, Duration writeTimeout) {

    /** Sensible defaults: 8 KiB request line, 16 KiB of headers, 1 MiB body, 5 s idle, 10 s per request, 5 s write. */
    public static Limits defaults() {
        return new Limits(8 * 1024, 16 * 1024, 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(5));
    }

    public Limits withMaxBody(long bytes) {
        return new Limits(maxRequestLine, maxHeaderBytes, bytes, idleTimeout, requestTimeout, writeTimeout);
    }

    public Limits withIdleTimeout(Duration d) {
        return new Limits(maxRequestLine, maxHeaderBytes, maxBody, d, requestTimeout, writeTimeout);
    }

    public Limits withRequestTimeout(Duration d) {
        return new Limits(maxRequestLine, maxHeaderBytes, maxBody, idleTimeout, d, writeTimeout);
    }

    public Limits withWriteTimeout(Duration d) {
        return new Limits(maxRequestLine, maxHeaderBytes, maxBody, idleTimeout, requestTimeout, d);
    }
}
