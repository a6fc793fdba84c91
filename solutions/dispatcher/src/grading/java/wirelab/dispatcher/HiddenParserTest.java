package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Points;

/** Hidden: the parser's edge cases the public tests let through. */
@Timeout(10)
@TestMethodOrder(MethodOrderer.MethodName.class)
class HiddenParserTest {

    static int refusal(String text) {
        return Part1ParserTest.refusal(text, Limits.defaults());
    }

    @Test
    @Points(2)
    @DisplayName("a whole request arriving one byte per read() is parsed, body and all")
    void test01_oneBytePerRead() throws Exception {
        RequestParser p = new RequestParser(new BufferedInputStream(new Trickle(
                "POST /a?x=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello" + RawHttp.get("/b"), 1)),
                Limits.defaults());
        HttpRequest first = p.next();
        assertEquals("hello", first.getBodyAsString(), "body read one byte at a time");
        assertEquals("1", first.getParameter("x"), "query parameter");
        assertEquals("/b", p.next().getPath(), "the next request after a trickled body");
        assertNull(p.next(), "end of stream");
    }

    @Test
    @Points(2)
    @DisplayName("Content-Length that is not a number, or two different ones, is 400")
    void test02_badContentLength() throws Exception {
        assertEquals(400, refusal("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"), "Content-Length: abc");
        assertEquals(400, refusal("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"), "Content-Length: -5");
        assertEquals(400, refusal("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\nabc"), "Content-Length: +3"
                + " (only digits: Long.parseLong accepts a sign, HTTP does not, and a proxy may read the length otherwise)");
        assertEquals(400, refusal("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"),
                "two different Content-Length headers (request smuggling)");
        assertEquals(400, refusal("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\ncontent-length: 4\r\n\r\nabcd"),
                "'Content-Length: 3' and 'content-length: 4' (header names ignore case: these are two different lengths)");
        assertEquals(400, refusal("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc"),
                "'Content-Length: 10' but the stream ends after 3 bytes of body (read() returned -1: the body is short)");
        HttpRequest exactly = new RequestParser(new BufferedInputStream(new java.io.ByteArrayInputStream(
                "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))),
                Limits.defaults().withMaxBody(5)).next();
        assertEquals("hello", exactly.getBodyAsString(), "a body of exactly maxBody (5) bytes is allowed: only LARGER is 413");
    }

    @Test
    @Points(2)
    @DisplayName("HTTP/1.1 without Host, a lower-case method, a space before ':' and a folded header are 400")
    void test03_strictSyntax() {
        assertEquals(400, refusal("GET / HTTP/1.1\r\n\r\n"), "HTTP/1.1 request without Host");
        assertEquals(400, refusal("get / HTTP/1.1\r\nHost: x\r\n\r\n"), "method 'get' (methods are upper-case tokens)");
        assertEquals(400, refusal("GET / HTTP/1.1\r\nHost : x\r\n\r\n"), "'Host : x' (no space allowed before ':')");
        assertEquals(400, refusal("GET / HTTP/1.1\r\nHost: x\r\nX-Bad : y\r\n\r\n"), "'X-Bad : y' after a good Host"
                + " header (no space allowed before ':', RFC 9112 5.1: refuse it, do not trim it away)");
        assertEquals(400, refusal("GET / HTTP/1.1\r\nHost: x\r\n: no name\r\n\r\n"), "': no name' (a header needs a name)");
        assertEquals(400, refusal("GET / HTTP/1.1\r\nHost: x\r\nX\r\n\r\n"), "a header line 'X' (one character, no ':')");
        assertEquals(400, refusal("GET / HTTP/1.1\r\nHost: x\r\n\u0001X: y\r\n\r\n"),
                "a header name that starts with a control character (byte 1): no byte of a name may be a space or below");
        assertEquals(400, refusal(" / HTTP/1.1\r\nHost: x\r\n\r\n"), "' / HTTP/1.1' (the method is missing)");
        assertEquals(400, refusal("GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  continued\r\n\r\n"), "a folded header line");
        assertEquals(400, refusal("GET / HTTP/1.1 \r\nHost: x\r\n\r\n"), "a trailing space after the version");
        assertEquals(400, refusal("GET / HTTX/1.1\r\nHost: x\r\n\r\n"), "'HTTX/1.1' is not a version");
        assertEquals(400, refusal("GET /a%zz HTTP/1.1\r\nHost: x\r\n\r\n"), "a bad percent escape %zz in the path");
        assertEquals(400, refusal("GET /p?q=100%zz HTTP/1.1\r\nHost: x\r\n\r\n"), "a bad percent escape %zz in a"
                + " parameter (URLDecoder throws IllegalArgumentException: catch it and refuse the request)");
        assertEquals(400, refusal("GET /p?q=50% HTTP/1.1\r\nHost: x\r\n\r\n"), "a '%' at the end of a parameter");
    }

    @Test
    @Points(1)
    @DisplayName("bare LF line ends, an absolute-form target and a leading empty line are accepted")
    void test04_lenientWhereTheRfcAllows() throws Exception {
        HttpRequest r = Part1ParserTest.parse("\r\nGET http://localhost:8080/p/q?a=b HTTP/1.1\nHost: localhost\n\n");
        assertNotNull(r, "request");
        assertEquals("/p/q", r.getPath(), "path of the absolute-form target http://localhost:8080/p/q?a=b");
        assertEquals("b", r.getParameter("a"), "its query parameter");
    }

    @Test
    @Points(1)
    @DisplayName("any other Transfer-Encoding is refused with 501, a chunked one with 411")
    void test05_transferEncodings() {
        assertEquals(501, refusal("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n"), "Transfer-Encoding: gzip");
        assertEquals(411, refusal("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"),
                "Transfer-Encoding: gzip, chunked");
    }

    @Test
    @Points(1)
    @DisplayName("a percent-encoded path is decoded for mapping, '+' in a path stays '+'")
    void test06_pathDecoding() throws Exception {
        HttpRequest r = Part1ParserTest.parse("GET /a%20b/c+d HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals("/a b/c+d", r.getPath(), "decoded path of /a%20b/c+d");
        assertEquals("/a%20b/c+d", r.getRequestURI(), "the request URI stays as sent");
    }

    @Test
    @Points(2)
    @DisplayName("encoded delimiters in parameters (%26 %3D %25) are data: split at & and = first, then decode")
    void test07_encodedDelimitersAreData() throws Exception {
        HttpRequest r = Part1ParserTest.parse("GET /search?q=salt%26pepper%3Dspice&rate=100%25&a%3Db=c&eq=x=y HTTP/1.1\r\n"
                + "Host: x\r\n\r\n");
        String how = ": split the query at '&' and each pair at its first '=', and only then decode names and values,"
                + " or an encoded '&' or '=' in a value becomes a delimiter";
        assertEquals("salt&pepper=spice", r.getParameter("q"), "q=salt%26pepper%3Dspice" + how);
        assertEquals("100%", r.getParameter("rate"), "rate=100%25" + how);
        assertEquals("c", r.getParameter("a=b"), "a%3Db=c: the NAME is 'a=b'" + how);
        assertEquals("x=y", r.getParameter("eq"), "eq=x=y: the value is everything after the first '='");
        assertEquals("café", Part1ParserTest.parse("GET /p?caf%C3%A9=caf%C3%A9 HTTP/1.1\r\nHost: x\r\n\r\n").getParameter("café"),
                "caf%C3%A9=caf%C3%A9: percent-escapes are UTF-8 bytes (URLDecoder.decode(s, StandardCharsets.UTF_8), not the"
                + " machine's default charset)");
        assertNull(r.getParameter("pepper"), "%26 is data, so there is no parameter 'pepper'");
        HttpRequest orphan = Part1ParserTest.parse("GET /p?=x&y=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertNull(orphan.getParameter("=x"), "?=x&y=1: the pair '=x' splits at its first '=', its first character:"
                + " the name is empty, there is no parameter named '=x'");
        List<String> unnamed = orphan.getParameterMap().get("");
        assertTrue(unnamed == null || unnamed.equals(List.of("x")), "?=x&y=1: the pair '=x' has an empty name and the"
                + " value 'x' (skip it or keep it under \"\"), got " + unnamed + " under the empty name");
        HttpRequest empty = Part1ParserTest.parse("GET /p?a=1&&b=2& HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(java.util.Set.of("a", "b"), empty.getParameterMap().keySet(),
                "?a=1&&b=2&: an empty pair between two '&' is skipped, not a parameter with an empty name");
    }

    @Test
    @Points(1)
    @DisplayName("the header limit counts bytes, line ends included: 3 800 short header lines pass, 5 000 are 431")
    void test08_headerBytesIncludeLineEnds() throws Exception {
        int limit = Limits.defaults().maxHeaderBytes();
        String fits = "X:\r\n".repeat(3800);   // 15 200 bytes with their CRLFs
        try {
            assertNotNull(Part1ParserTest.parse("GET / HTTP/1.1\r\nHost: x\r\n" + fits + "\r\n"), "a request");
        } catch (HttpError e) {
            throw new AssertionError("3 800 header lines 'X:' are " + fits.length() + " bytes with their line ends, under"
                    + " the limit of " + limit + ", but they were refused with " + e.status() + ": the limit is on bytes,"
                    + " not on the number of lines", e);
        }
        String tooMany = "X:\r\n".repeat(5000);   // 20 000 bytes with their CRLFs, 10 000 without
        assertEquals(431, refusal("GET / HTTP/1.1\r\nHost: x\r\n" + tooMany + "\r\n"), "5 000 header lines 'X:' are "
                + tooMany.length() + " bytes with their line ends, more than the limit of " + limit + ": count each line's"
                + " CRLF too (2 bytes), they are part of what the client makes the server read");
    }

    @Test
    @Points(2)
    @DisplayName("versions that look like HTTP but are not HTTP/d.d (HTTP/1.1.1, HTTP/1, http/1.1, HTTP/1.x) are 400; HTTP/0.9 and HTTP/1.2 are 505")
    void test09_versionsThatLookLikeHttp() {
        for (String version : new String[] {"HTTP/1.1.1", "HTTP/1", "http/1.1", "Http/1.1", "HTTP/1.x", "HTTP/11.1",
                "HTTP/1.10", "HTTP/", "HTTP/.1", "HTTP/1.", "HTTP1.1", "HTTP/1,1", "HTTP/-1.1"}) {
            assertEquals(400, refusal("GET / " + version + "\r\nHost: x\r\n\r\n"), "version '" + version + "': not"
                    + " 'HTTP/' and one digit, a dot, one digit (HTTP/d.d, case-sensitive), so the request line is"
                    + " malformed: 400, not 505 (505 is for a well-formed version the server does not speak)");
        }
        for (String version : new String[] {"HTTP/0.9", "HTTP/1.2", "HTTP/2.0", "HTTP/9.9"}) {
            assertEquals(505, refusal("GET / " + version + "\r\nHost: x\r\n\r\n"), "version '" + version + "': a"
                    + " well-formed HTTP/d.d other than HTTP/1.0 and HTTP/1.1 is 505 HTTP Version Not Supported");
        }
    }

    @Test
    @Points(1)
    @DisplayName("the request line's three parts are separated by single spaces (two spaces or a tab are 400); the method is capital letters (Get is 400)")
    void test10_singleSpacesAndCapitalMethods() {
        String[][] cases = {
            {"GET  / HTTP/1.1", "two spaces between method and target"},
            {"GET /  HTTP/1.1", "two spaces between target and version"},
            {"GET\t/\tHTTP/1.1", "tabs instead of spaces"},
            {"GET / HTTP/1.1 extra", "a fourth part"},
            {"Get / HTTP/1.1", "method 'Get' (capital letters only)"},
            {"gET / HTTP/1.1", "method 'gET' (capital letters only)"},
            {"G3T / HTTP/1.1", "method 'G3T' (capital letters only)"},
        };
        for (String[] c : cases) {
            assertEquals(400, refusal(c[0] + "\r\nHost: x\r\n\r\n"), "request line '" + c[0].replace("\t", "\\t")
                    + "' (" + c[1] + "): exactly three parts separated by single spaces, the method in capital letters");
        }
    }

    @Test
    @Points(1)
    @DisplayName("a header splits at its FIRST ':': 'Host: localhost:8080' has the value localhost:8080")
    void test11_headerValueKeepsItsColons() throws Exception {
        HttpRequest r = Part1ParserTest.parse("GET / HTTP/1.1\r\nHost: localhost:8080\r\nX-Time: 12:30:45\r\n"
                + "X-Url:http://a/b\r\n\r\n");
        assertEquals("localhost:8080", r.getHeader("Host"), "'Host: localhost:8080': the name ends at the first ':',"
                + " the rest (colons and all) is the value");
        assertEquals("12:30:45", r.getHeader("X-Time"), "'X-Time: 12:30:45'");
        assertEquals("http://a/b", r.getHeader("X-Url"), "'X-Url:http://a/b' (no space after the colon)");
    }

    @Test
    @Points(1)
    @DisplayName("'Content-Length: 0' is an empty body, and the request after it is read whole")
    void test12_zeroLengthBody() throws Exception {
        RequestParser p = new RequestParser(new BufferedInputStream(new Trickle(
                "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n" + RawHttp.get("/b"), 3)), Limits.defaults());
        HttpRequest first = p.next();
        assertEquals(0, first.getBody().length, "'Content-Length: 0': no body at all");
        HttpRequest second = p.next();
        assertNotNull(second, "the request after a body of 0 bytes was lost");
        assertEquals("/b", second.getPath(), "the request after 'Content-Length: 0' (not a byte of it is body)");
    }

    @Test
    @Points(1)
    @DisplayName("a Content-Length too large for an int (3000000000, 99999999999) is 413 like any length over the limit, not 400")
    void test13_contentLengthBeyondAnInt() {
        for (String length : new String[] {"2147483648", "3000000000", "99999999999"}) {
            assertEquals(413, refusal("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + "\r\n\r\nabc"),
                    "'Content-Length: " + length + "' is a number of bytes, only larger than the body limit: 413 Content"
                    + " Too Large, as for any length over maxBody (Integer.parseInt fails above 2147483647: read it as"
                    + " a long, or compare it with the limit before you turn it into an int)");
        }
    }
}
