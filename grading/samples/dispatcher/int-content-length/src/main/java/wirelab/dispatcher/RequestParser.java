package wirelab.dispatcher;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Task 1: reads HTTP/1.1 requests from a connection's input stream, one after the other.
 *
 * <pre>
 * POST /guestbook?lang=en HTTP/1.1\r\n      request line: method, target, version
 * Host: localhost:8080\r\n                  headers, one per line, names case-insensitive
 * Content-Length: 11\r\n
 * \r\n                                      an empty line ends the head
 * hello world                               exactly Content-Length bytes of body
 * </pre>
 *
 * The stream may hold several requests back to back (keep-alive, pipelining), so the parser
 * must read exactly one request and not a byte more. TCP delivers bytes, not messages: one
 * {@code read()} may return half a header or half a body, so never assume one read is enough.
 *
 * <p>Try it: {@code ./mvnw -q test -Dtest=Part1ParserTest}.
 */
public final class RequestParser {

    private final InputStream in;
    private final Limits limits;
    private long deadline;

    /** {@code in} should be buffered: the parser reads the head byte by byte. */
    public RequestParser(InputStream in, Limits limits) {
        this.in = in;
        this.limits = limits;
    }

    /**
     * The next request on the stream, or null when the client closed the connection cleanly
     * before sending another one.
     *
     * @throws HttpError when the request must be refused (the status says why)
     * @throws IOException when the connection breaks or times out
     */
    public HttpRequest next() throws IOException, HttpError {
        deadline = System.nanoTime() + limits.requestTimeout().toNanos();
        String requestLine = readLine(limits.maxRequestLine(), 414, true);
        if (requestLine == null) {
            return null;
        }
        // Robustness (RFC 9112 2.2): ignore a stray empty line before the request line.
        if (requestLine.isEmpty()) {
            requestLine = readLine(limits.maxRequestLine(), 414, false);
        }
        String[] parts = parseRequestLine(requestLine);
        String method = parts[0];
        String target = parts[1];
        String version = parts[2];

        Map<String, String> headers = readHeaders();
        if (version.equals("HTTP/1.1") && !headers.containsKey("Host")) {
            throw new HttpError(400, "an HTTP/1.1 request must have a Host header");
        }
        byte[] body = readBody(headers);

        String pathAndQuery = originForm(target);
        int q = pathAndQuery.indexOf('?');
        String requestURI = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? "" : pathAndQuery.substring(q + 1);
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        decodeParameters(query, parameters);
        String contentType = headers.getOrDefault("Content-Type", "");
        if (contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            decodeParameters(new String(body, StandardCharsets.ISO_8859_1), parameters);
        }
        return new HttpRequest(method, target, requestURI, decodePath(requestURI), version,
                headers, parameters, body);
    }

    /**
     * {@code GET /index.html HTTP/1.1} split into {@code {"GET", "/index.html", "HTTP/1.1"}}:
     * exactly three parts separated by single spaces, the method in capital letters.
     *
     * @throws HttpError 400 when the line is malformed, 505 when the version is not HTTP/1.0 or HTTP/1.1
     */
    static String[] parseRequestLine(String line) throws HttpError {
        // BEGIN SOLUTION
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new HttpError(400, "request line must be 'METHOD target HTTP/1.1', got: " + line);
        }
        if (!parts[0].chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new HttpError(400, "bad method: " + parts[0]);
        }
        if (!parts[2].matches("HTTP/\\d\\.\\d")) {
            throw new HttpError(400, "bad protocol version: " + parts[2]);
        }
        if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
            throw new HttpError(505, "only HTTP/1.0 and HTTP/1.1 are supported, not " + parts[2]);
        }
        return parts;
        // STARTER TODO: split the request line into method, target and version; 400 when malformed, 505 for an unknown version
        // END SOLUTION
    }

    /** Header lines up to the empty line; names compare case-insensitively. */
    private Map<String, String> readHeaders() throws IOException, HttpError {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        // BEGIN SOLUTION
        int budget = limits.maxHeaderBytes();
        while (true) {
            String line = readLine(budget, 431, false);
            if (line.isEmpty()) {
                return headers;
            }
            budget -= line.length() + 2;
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new HttpError(400, "folded header lines are not allowed: " + line);
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).chars().anyMatch(c -> c <= ' ')) {
                throw new HttpError(400, "a header line must be 'Name: value', got: " + line);
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).trim();
            String earlier = headers.get(name);
            if (earlier != null && name.equalsIgnoreCase("Content-Length") && !earlier.equals(value)) {
                throw new HttpError(400, "two different Content-Length headers");
            }
            headers.put(name, earlier == null || earlier.equals(value) ? value : earlier + ", " + value);
        }
        // STARTER TODO: read header lines up to the empty line, split each at the first ':' (none: 400), trim the value; more than limits.maxHeaderBytes() in all: 431
        // END SOLUTION
    }

    /** Exactly Content-Length bytes (none without it); a chunked body is refused with 411. */
    private byte[] readBody(Map<String, String> headers) throws IOException, HttpError {
        String encoding = headers.get("Transfer-Encoding");
        if (encoding != null) {
            if (encoding.toLowerCase().contains("chunked")) {
                throw new HttpError(411, "chunked request bodies are not supported: send Content-Length");
            }
            throw new HttpError(501, "Transfer-Encoding " + encoding + " is not supported");
        }
        String length = headers.get("Content-Length");
        if (length == null) {
            return new byte[0];
        }
        // BEGIN SOLUTION
        if (!length.matches("\\d+")) {
            throw new HttpError(400, "Content-Length must be a number of bytes, got: " + length);
        }
        int n;
        try {
            n = Integer.parseInt(length);
        } catch (NumberFormatException e) {
            throw new HttpError(400, "Content-Length is not a number: " + length);
        }
        if (n > limits.maxBody()) {
            throw new HttpError(413, "body of " + n + " bytes is larger than the limit of " + limits.maxBody());
        }
        byte[] body = new byte[n];
        int done = 0;
        while (done < body.length) {       // one read() may return only part of the body
            int got = in.read(body, done, Math.min(body.length - done, 8192));
            if (got < 0) {
                throw new HttpError(400, "the body ended after " + done + " of " + n + " bytes");
            }
            done += got;
            checkDeadline();
        }
        return body;
        // STARTER TODO: read exactly Content-Length bytes of body (400 if not a number, 413 if larger than limits.maxBody()), calling checkDeadline() after each read
        // END SOLUTION
    }

    /**
     * One line without its CRLF (a bare LF is accepted too), read byte by byte so that not a
     * byte of the next request is consumed. Null at end of stream before the first byte if
     * {@code eofOk}.
     *
     * @param max    longest line allowed, in bytes
     * @param status what to answer when it is longer (414 for the request line, 431 for headers)
     */
    private String readLine(int max, int status, boolean eofOk) throws IOException, HttpError {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (eofOk && line.size() == 0) {
                    return null;
                }
                throw new EOFException("the client closed the connection in the middle of a request");
            }
            if (b == '\n') {
                checkDeadline();   // a slowloris may send many short lines, each in time
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= max) {
                throw new HttpError(status, status == 414 ? "request line longer than " + max + " bytes"
                        : "headers longer than " + limits.maxHeaderBytes() + " bytes");
            }
            line.write(b);
            if ((line.size() & 63) == 0) {
                checkDeadline();
            }
        }
    }

    /** A slow client (one byte now and then) must not hold a thread forever. */
    private void checkDeadline() throws HttpError {
        if (System.nanoTime() - deadline > 0) {
            throw new HttpError(408, "the request took longer than " + limits.requestTimeout().toMillis() + " ms to arrive");
        }
    }

    /** {@code /path?query} from an origin-form ({@code /path}) or absolute-form ({@code http://host/path}) target. */
    static String originForm(String target) throws HttpError {
        if (target.startsWith("/")) {
            return target;
        }
        String lower = target.toLowerCase();
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            int slash = target.indexOf('/', lower.indexOf("//") + 2);
            return slash < 0 ? "/" : target.substring(slash);
        }
        if (target.equals("*")) {
            return "*";
        }
        throw new HttpError(400, "the request target must start with '/', got: " + target);
    }

    /** Percent-decodes a path ({@code /a%20b} to {@code /a b}); '+' stays '+' in a path. */
    static String decodePath(String rawPath) throws HttpError {
        try {
            return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "bad percent-encoding in the path: " + rawPath);
        }
    }

    /** Adds {@code a=1&b=x%20y} to the map, decoded ('+' is a space here). */
    static void decodeParameters(String query, Map<String, List<String>> into) throws HttpError {
        // BEGIN SOLUTION
        if (query.isEmpty()) {
            return;
        }
        try {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "bad percent-encoding in the parameters: " + query);
        }
        // STARTER TODO: split the query at '&' and '=' and URL-decode names and values (java.net.URLDecoder)
        // END SOLUTION
    }
}
