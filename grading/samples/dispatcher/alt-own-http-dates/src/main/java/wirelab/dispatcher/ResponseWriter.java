package wirelab.dispatcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Task 1: turns an {@link HttpResponse} into bytes on the wire.
 *
 * <pre>
 * HTTP/1.1 200 OK\r\n
 * Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n      RFC 1123, always GMT
 * Server: wirelab-dispatcher/1.0\r\n
 * Content-Type: text/html; charset=utf-8\r\n
 * Content-Length: 42\r\n                        how the client knows where the body ends
 * Connection: keep-alive\r\n                    or close: what happens after this response
 * \r\n
 * &lt;42 bytes of body&gt;
 * </pre>
 *
 * Without {@code Content-Length} a kept-alive client cannot tell where this response ends and
 * the next one begins: it waits until the connection closes.
 */
public final class ResponseWriter {

    private static final java.time.format.DateTimeFormatter GMT = java.time.format.DateTimeFormatter
            .ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US).withZone(java.time.ZoneOffset.UTC);

    public static final String SERVER = "wirelab-dispatcher/1.0";

    private final Clock clock;

    public ResponseWriter() {
        this(Clock.systemUTC());
    }

    /** With a fixed clock, tests can check the Date header exactly. */
    public ResponseWriter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Writes the status line, headers and body (no body for HEAD, 204 and 304).
     *
     * @param head      the request was HEAD: send the headers a GET would get, but no body
     * @param keepAlive whether the connection stays open: {@code Connection: keep-alive} or {@code close}
     */
    public void write(OutputStream out, HttpResponse response, boolean head, boolean keepAlive) throws IOException {
        byte[] body = response.body();
        int status = response.getStatus();
        boolean bodyless = status == 204 || status == 304 || (status >= 100 && status < 200);
        String headText = formatHead(response, body.length, bodyless, keepAlive);
        // The connection's stream is buffered: a small answer still leaves in one piece, and a
        // big body is written straight from its array instead of being copied once more.
        out.write(headText.getBytes(StandardCharsets.ISO_8859_1));
        if (!head && !bodyless) {
            out.write(body);
        }
    }

    /**
     * The status line and headers, each ending in CRLF, then the empty line. Content-Length is
     * left out for bodyless answers (204, 304).
     */
    String formatHead(HttpResponse response, int bodyLength, boolean bodyless, boolean keepAlive) {
        int status = response.getStatus();
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(status).append(' ').append(HttpResponse.reason(status)).append("\r\n");
        head.append("Date: ").append(GMT.format(clock.instant())).append("\r\n");
        head.append("Server: ").append(SERVER).append("\r\n");
        String type = response.getContentType();
        if (type != null) {
            if (type.startsWith("text/") && !type.contains("charset")) {
                type += "; charset=utf-8";
            }
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        if (!bodyless) {
            head.append("Content-Length: ").append(bodyLength).append("\r\n");
        }
        head.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n");
        for (Map.Entry<String, String> h : response.getHeaders().entrySet()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("\r\n");
        return head.toString();
    }
}
