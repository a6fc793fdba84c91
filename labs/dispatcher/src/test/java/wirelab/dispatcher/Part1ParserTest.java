package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Points;

/**
 * Task 1, reading requests: {@link RequestParser} on bytes in memory, no network yet.
 * Run: {@code ./mvnw -q test -Dtest=Part1ParserTest}
 */
@Timeout(10)
@TestMethodOrder(MethodOrderer.MethodName.class)
class Part1ParserTest {

    static HttpRequest parse(String text) throws Exception {
        return parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    static HttpRequest parse(InputStream in) throws Exception {
        return new RequestParser(new BufferedInputStream(in), Limits.defaults()).next();
    }

    /** The status the parser refuses {@code text} with; fails if it accepts it. */
    static int refusal(String text, Limits limits) {
        try {
            HttpRequest r = new RequestParser(new BufferedInputStream(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1))), limits).next();
            fail("expected the request to be refused with an HttpError, but it was accepted as: " + r);
            return 0;
        } catch (HttpError e) {
            return e.status();
        } catch (Exception e) {
            throw new AssertionError("expected an HttpError with a status, but the parser threw " + e, e);
        }
    }

    @Test
    @Points(2)
    @DisplayName("the request line GET /index.html HTTP/1.1 gives method, path and version")
    void test01_readsTheRequestLine() throws Exception {
        HttpRequest r = parse("GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertNotNull(r, "expected a request, got null (null means the client closed before sending one)");
        assertEquals("GET", r.getMethod(), "method");
        assertEquals("/index.html", r.getPath(), "path");
        assertEquals("HTTP/1.1", r.getProtocol(), "version");
    }

    @Test
    @Points(2)
    @DisplayName("header names are case-insensitive: 'content-TYPE' is found as 'Content-Type'")
    void test02_headerNamesIgnoreCase() throws Exception {
        HttpRequest r = parse("GET / HTTP/1.1\r\nhost: localhost\r\ncontent-TYPE:   text/plain  \r\nX-Empty:\r\n\r\n");
        assertEquals("text/plain", r.getHeader("Content-Type"),
                "the value of 'content-TYPE:   text/plain  ' looked up as Content-Type, without the spaces around it");
        assertEquals("localhost", r.getHeader("HOST"), "the Host header looked up as HOST");
        assertEquals("", r.getHeader("x-empty"), "a header with an empty value");
    }

    @Test
    @Points(2)
    @DisplayName("a POST body of exactly Content-Length bytes is read")
    void test03_readsTheBody() throws Exception {
        HttpRequest r = parse("POST /guestbook HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world");
        assertEquals("hello world", r.getBodyAsString(), "the body of a request with Content-Length: 11");
        HttpRequest none = parse("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(0, none.getBody().length, "a request without Content-Length has an empty body");
    }

    @Test
    @Points(3)
    @DisplayName("a body that arrives in small pieces is read completely (one read() is not enough)")
    void test04_readsABodyThatArrivesInPieces() throws Exception {
        String body = "x".repeat(5000) + "END";
        HttpRequest r = parse(new Trickle("POST /up HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body, 7));
        assertEquals(body.length(), r.getBody().length,
                "TCP delivered the body 7 bytes at a time: keep reading until you have Content-Length bytes");
        assertTrue(r.getBodyAsString().endsWith("END"), "the body's last bytes");
    }

    @Test
    @Points(3)
    @DisplayName("two requests back to back on one stream are read one at a time, then null at the end")
    void test05_readsOneRequestAtATime() throws Exception {
        String two = "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                + "GET /b HTTP/1.1\r\nHost: x\r\n\r\n";
        RequestParser parser = new RequestParser(new BufferedInputStream(
                new ByteArrayInputStream(two.getBytes(StandardCharsets.ISO_8859_1))), Limits.defaults());
        HttpRequest first = parser.next();
        assertEquals("/a", first.getPath(), "first request");
        assertEquals("abc", first.getBodyAsString(), "first request's body: exactly 3 bytes, not a byte of the next");
        HttpRequest second = parser.next();
        assertNotNull(second, "the second request was lost: did reading the first consume it?");
        assertEquals("GET", second.getMethod(), "second request's method");
        assertEquals("/b", second.getPath(), "second request's path");
        assertNull(parser.next(), "after the last request the stream ends: next() should return null");
    }

    @Test
    @Points(2)
    @DisplayName("query parameters are split and decoded: ?name=Ada%20L&n=1+2")
    void test06_decodesQueryParameters() throws Exception {
        HttpRequest r = parse("GET /hello?name=Ada%20L&n=1+2&n=3&flag HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals("/hello", r.getPath(), "the path stops at '?'");
        assertEquals("Ada L", r.getParameter("name"), "name=Ada%20L decoded");
        assertEquals(List.of("1 2", "3"), r.getParameterMap().get("n"), "n=1+2&n=3: '+' is a space, both values kept");
        assertEquals("", r.getParameter("flag"), "a parameter without '=' has the empty value");
        assertNull(r.getParameter("missing"), "a parameter that was not sent is null");
    }

    @Test
    @Points(2)
    @DisplayName("a malformed request line is refused with 400 Bad Request")
    void test07_malformedRequestLineIs400() {
        assertEquals(400, refusal("GET\r\n\r\n", Limits.defaults()), "request line 'GET' (no target, no version)");
        assertEquals(400, refusal("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n", Limits.defaults()), "four words in the request line");
        assertEquals(400, refusal("GET / HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n", Limits.defaults()),
                "a header line without ':'");
    }

    @Test
    @Points(2)
    @DisplayName("an unknown HTTP version (HTTP/2.0 on a text connection) is refused with 505")
    void test08_unknownVersionIs505() {
        assertEquals(505, refusal("GET / HTTP/2.0\r\nHost: x\r\n\r\n", Limits.defaults()), "version HTTP/2.0");
        assertEquals(505, refusal("GET / HTTP/3.0\r\nHost: x\r\n\r\n", Limits.defaults()), "version HTTP/3.0");
    }

    @Test
    @Points(3)
    @DisplayName("limits: long request line 414, too many header bytes 431, too large body 413")
    void test09_limits() {
        Limits limits = Limits.defaults();
        String longTarget = "/" + "a".repeat(limits.maxRequestLine() + 10);
        assertEquals(414, refusal("GET " + longTarget + " HTTP/1.1\r\nHost: x\r\n\r\n", limits),
                "a request line longer than maxRequestLine");
        String big = "X-Big: " + "b".repeat(limits.maxHeaderBytes()) + "\r\n";
        assertEquals(431, refusal("GET / HTTP/1.1\r\nHost: x\r\n" + big + "\r\n", limits),
                "one header larger than maxHeaderBytes");
        String many = "X-Part: 0123456789012345678901234567890123456789\r\n".repeat(limits.maxHeaderBytes() / 40);
        assertEquals(431, refusal("GET / HTTP/1.1\r\nHost: x\r\n" + many + "\r\n", limits),
                "many small headers that add up to more than maxHeaderBytes");
        assertEquals(413, refusal("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n",
                limits.withMaxBody(999)), "Content-Length 1000 with maxBody 999 (refuse before reading the body)");
    }

    @Test
    @Points(1)
    @DisplayName("a chunked request body is refused clearly with 411 Length Required")
    void test10_chunkedBodyIsRefused() {
        assertEquals(411, refusal("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                Limits.defaults()), "Transfer-Encoding: chunked");
    }

    @Test
    @Points(1)
    @DisplayName("a client that closes before sending anything gives null, not an error")
    void test11_endOfStreamIsNull() throws Exception {
        assertNull(parse(""), "an empty stream (the client closed the connection) should give null");
        assertArrayEquals(new byte[0], parse("GET / HTTP/1.0\r\n\r\n").getBody(), "HTTP/1.0 without Host is fine");
        assertThrows(Exception.class, () -> parse("GET / HTTP/1.1\r\nHost: x\r\n"),
                "a stream that ends in the middle of the headers is an error, not a request");
    }

    @Test
    @Points(2)
    @DisplayName("Connection header values ignore case: 'Close' closes, 'Keep-Alive' keeps an HTTP/1.0 connection")
    void test12_connectionTokensIgnoreCase() throws Exception {
        String[][] cases = {   // version, Connection header (null: none), keep-alive expected
            {"HTTP/1.1", null, "true"}, {"HTTP/1.1", "close", "false"}, {"HTTP/1.1", "Close", "false"},
            {"HTTP/1.1", "CLOSE", "false"}, {"HTTP/1.1", "keep-alive", "true"}, {"HTTP/1.0", null, "false"},
            {"HTTP/1.0", "keep-alive", "true"}, {"HTTP/1.0", "Keep-Alive", "true"}, {"HTTP/1.0", "close", "false"},
        };
        for (String[] c : cases) {
            HttpRequest r = parse("GET / " + c[0] + "\r\nHost: x\r\n" + (c[1] == null ? "" : "Connection: " + c[1] + "\r\n")
                    + "\r\n");
            assertEquals(Boolean.parseBoolean(c[2]), r.wantsKeepAlive(), c[0] + (c[1] == null ? " without a Connection header"
                    : " with 'Connection: " + c[1] + "'") + ": header values such as close and keep-alive are"
                    + " case-insensitive tokens (RFC 9110 7.6.1), so compare them ignoring case");
        }
    }
}
