package wirelab.dispatcher;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a servlet answers (the lecture's {@code HttpServletResponse}, cut down): a status, headers,
 * a content type and a body written through {@link #getWriter()} (text) or
 * {@link #getOutputStream()} (bytes). The body is kept in memory until the servlet returns, so
 * the server knows its length and can send {@code Content-Length} first.
 *
 * <pre>{@code
 * response.setContentType("text/html");     // headers first,
 * PrintWriter out = response.getWriter();   // then the body
 * out.println("<H1>Hello World!</H1>");
 * }</pre>
 */
public final class HttpResponse {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(204, "No Content"),
            Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(304, "Not Modified"),
            Map.entry(400, "Bad Request"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(411, "Length Required"), Map.entry(413, "Content Too Large"),
            Map.entry(414, "URI Too Long"), Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(503, "Service Unavailable"), Map.entry(505, "HTTP Version Not Supported"));

    private int status = 200;
    private String contentType;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private PrintWriter writer;

    public void setStatus(int status) {
        this.status = status;
    }

    public int getStatus() {
        return status;
    }

    /** E.g. {@code text/html}; text types get {@code ; charset=utf-8} because the writer writes UTF-8. */
    public void setContentType(String type) {
        this.contentType = type;
    }

    public String getContentType() {
        return contentType;
    }

    /** Sets (replaces) a header. Date, Server, Content-Length and Connection are the server's to write. */
    public void setHeader(String name, String value) {
        headers.put(name, value);
    }

    public String getHeader(String name) {
        return headers.get(name);
    }

    public Map<String, String> getHeaders() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A writer for a text body, UTF-8. */
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), false);
        }
        return writer;
    }

    /** A stream for a binary body (an image, a file). */
    public OutputStream getOutputStream() {
        if (writer != null) {
            writer.flush();
        }
        return body;
    }

    /** Replaces anything written so far with a short error page. */
    public void sendError(int status, String message) {
        reset();
        this.status = status;
        setContentType("text/plain");
        getWriter().print(status + " " + reason(status) + ": " + message + "\n");
    }

    /** Forgets status, headers and body written so far. */
    public void reset() {
        if (writer != null) {
            writer.flush();
        }
        status = 200;
        contentType = null;
        headers.clear();
        body.reset();
    }

    /** The body written so far. */
    public byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return body.toByteArray();
    }

    /** "OK" for 200, "Not Found" for 404, ... */
    public static String reason(int status) {
        return REASONS.getOrDefault(status, status < 400 ? "OK" : status < 500 ? "Client Error" : "Server Error");
    }
}
