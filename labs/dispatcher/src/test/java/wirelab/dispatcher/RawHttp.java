package wirelab.dispatcher;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import wirelab.testkit.Loopback;

/**
 * A tiny HTTP client on a plain socket, for the tests: it sends exactly the bytes a test wants
 * (broken requests too) and reads responses one at a time, so a test can see whether the
 * server kept the connection open.
 */
final class RawHttp implements Closeable {

    /** One response as read off the wire. */
    record Response(String statusLine, int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(int port) throws IOException {
        socket = new Socket(Loopback.ADDRESS, port);
        socket.setSoTimeout(5000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends text as is (write \r\n yourself). */
    RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** A GET with Host, as a well-behaved HTTP/1.1 client sends it. */
    static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    }

    /** The next response; fails when the server closes or says nothing for 5 s. */
    Response read() throws IOException {
        return read(false);
    }

    /** The next response to a HEAD request (headers only, even with a Content-Length). */
    Response readHead() throws IOException {
        return read(true);
    }

    private Response read(boolean head) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new AssertionError("expected a response, but the server closed the connection without one");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new AssertionError("expected a status line like 'HTTP/1.1 200 OK', got: " + statusLine);
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String h;
        while ((h = line()) != null && !h.isEmpty()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                throw new AssertionError("expected a header line 'Name: value', got: " + h);
            }
            headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
        }
        int status = Integer.parseInt(parts[1]);
        byte[] body = new byte[0];
        String length = headers.get("Content-Length");
        if (!head && status != 304 && status != 204) {
            if (length != null) {
                body = in.readNBytes(Integer.parseInt(length));
            } else if ("close".equalsIgnoreCase(headers.get("Connection"))) {
                body = in.readAllBytes();
            } else {
                throw new AssertionError("the response '" + statusLine + "' has no Content-Length, so a client "
                        + "cannot tell where its body ends on a kept-alive connection");
            }
        }
        return new Response(statusLine, status, headers, body);
    }

    /** True when the server closes the connection (end of stream) within 5 s. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;   // reset by the server counts as closed
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
