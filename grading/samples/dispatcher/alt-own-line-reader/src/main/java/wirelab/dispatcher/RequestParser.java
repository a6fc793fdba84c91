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
        int first = line.indexOf(' ');
        int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
        if (first <= 0 || second < 0 || second == first + 1 || line.indexOf(' ', second + 1) >= 0) {
            throw new HttpError(400, "malformed request line: " + line);
        }
        String method = line.substring(0, first);
        String target = line.substring(first + 1, second);
        String version = line.substring(second + 1);
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (c < 'A' || c > 'Z') {
                throw new HttpError(400, "bad method: " + method);
            }
        }
        if (version.length() != 8 || !version.startsWith("HTTP/") || !Character.isDigit(version.charAt(5))
                || version.charAt(6) != '.' || !Character.isDigit(version.charAt(7))) {
            throw new HttpError(400, "bad version: " + version);
        }
        if (!version.equals("HTTP/1.0") && !version.equals("HTTP/1.1")) {
            throw new HttpError(505, "unsupported version: " + version);
        }
        return new String[] {method, target, version};
    }

    /** Header lines up to the empty line; names compare case-insensitively. */
    private Map<String, String> readHeaders() throws IOException, HttpError {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int used = 0;
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("the connection closed inside the headers");
            }
            if (++used > limits.maxHeaderBytes()) {
                throw new HttpError(431, "more than " + limits.maxHeaderBytes() + " bytes of headers");
            }
            if (b != '\n') {
                line.append((char) b);
                if ((used & 63) == 0) {
                    checkDeadline();   // a slowloris sends one byte now and then
                }
                continue;
            }
            checkDeadline();
            if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                line.setLength(line.length() - 1);
            }
            if (line.length() == 0) {
                return headers;
            }
            char c0 = line.charAt(0);
            int colon = line.indexOf(":");
            if (c0 == ' ' || c0 == '\t' || colon <= 0) {
                throw new HttpError(400, "bad header line: " + line);
            }
            String name = line.substring(0, colon);
            for (int i = 0; i < name.length(); i++) {
                if (name.charAt(i) <= ' ') {
                    throw new HttpError(400, "bad header name: " + name);
                }
            }
            String value = line.substring(colon + 1).strip();
            String old = headers.get(name);
            if (old == null) {
                headers.put(name, value);
            } else if (name.equalsIgnoreCase("Content-Length")) {
                if (!old.equals(value)) {
                    throw new HttpError(400, "conflicting Content-Length headers");
                }
            } else if (!old.equals(value)) {
                headers.put(name, old + ", " + value);
            }
            line.setLength(0);
        }
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
        long n;
        try {
            n = Long.parseLong(length);
        } catch (NumberFormatException e) {
            throw new HttpError(400, "bad Content-Length: " + length);
        }
        if (n < 0 || length.startsWith("+")) {
            throw new HttpError(400, "bad Content-Length: " + length);
        }
        if (n > limits.maxBody()) {
            throw new HttpError(413, "body too large: " + n);
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream((int) n);
        while (body.size() < n) {
            byte[] piece = in.readNBytes((int) Math.min(4096, n - body.size()));
            if (piece.length == 0) {
                throw new HttpError(400, "the body ended early");
            }
            body.write(piece, 0, piece.length);
            checkDeadline();
        }
        return body.toByteArray();
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
        java.util.StringTokenizer pairs = new java.util.StringTokenizer(query, "&");
        while (pairs.hasMoreTokens()) {
            String pair = pairs.nextToken();
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
                String value = URLDecoder.decode(rawValue, StandardCharsets.UTF_8);
                into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw new HttpError(400, "bad escape in " + pair);
            }
        }
    }
}
