package wirelab.dispatcher;

import java.time.Duration;

/**
 * How much a client may send and how long it may take. Without limits one client could fill the
 * server's memory with an endless header, or hold a worker thread forever by sending one byte a
 * minute ("slowloris").
 *
 * @param maxRequestLine  longest request line in bytes (longer: 414 URI Too Long)
 * @param maxHeaderBytes  all header lines together, in bytes (more: 431 Request Header Fields Too Large)
 * @param maxBody         largest Content-Length accepted (larger: 413 Content Too Large)
 * @param idleTimeout     how long a kept-alive connection may wait for its next request before it is closed
 * @param requestTimeout  how long a client may take to send one whole request once it has started (slower: 408)
 */
public record Limits(int maxRequestLine, int maxHeaderBytes, long maxBody,
                     Duration idleTimeout, Duration requestTimeout) {

    /** Sensible defaults: 8 KiB request line, 16 KiB of headers, 1 MiB body, 5 s idle, 10 s per request. */
    public static Limits defaults() {
        return new Limits(8 * 1024, 16 * 1024, 1024 * 1024, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public Limits withMaxBody(long bytes) {
        return new Limits(maxRequestLine, maxHeaderBytes, bytes, idleTimeout, requestTimeout);
    }

    public Limits withIdleTimeout(Duration d) {
        return new Limits(maxRequestLine, maxHeaderBytes, maxBody, d, requestTimeout);
    }

    public Limits withRequestTimeout(Duration d) {
        return new Limits(maxRequestLine, maxHeaderBytes, maxBody, idleTimeout, d);
    }
}
