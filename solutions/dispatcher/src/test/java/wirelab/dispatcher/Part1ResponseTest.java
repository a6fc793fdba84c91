package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Points;

/**
 * Task 1, writing responses: {@link ResponseWriter} into memory, with a fixed clock.
 * Run: {@code ./mvnw -q test -Dtest=Part1ResponseTest}
 */
@Timeout(10)
@TestMethodOrder(MethodOrderer.MethodName.class)
class Part1ResponseTest {

    static final Instant LECTURE_EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

    static String write(HttpResponse response, boolean head, boolean keepAlive) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ResponseWriter(Clock.fixed(LECTURE_EXAMPLE, ZoneOffset.UTC)).write(out, response, head, keepAlive);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @Points(3)
    @DisplayName("a 200 response has status line, Date (RFC 1123, GMT), Server, Content-Type, Content-Length, Connection")
    void test01_writesStatusLineAndHeaders() throws Exception {
        HttpResponse r = new HttpResponse();
        r.setContentType("text/html");
        r.getWriter().print("<H1>héllo</H1>");
        String wire = write(r, false, true);
        assertTrue(wire.startsWith("HTTP/1.1 200 OK\r\n"), "the first line should be 'HTTP/1.1 200 OK', got: " + firstLine(wire));
        assertTrue(wire.contains("\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"),
                "expected 'Date: Sun, 06 Nov 1994 08:49:37 GMT' for the clock's instant 1994-11-06T08:49:37Z, got:\n" + wire);
        assertTrue(wire.contains("\r\nServer: "), "expected a Server header, got:\n" + wire);
        assertTrue(wire.toLowerCase().contains("\r\ncontent-type: text/html"), "expected Content-Type: text/html..., got:\n" + wire);
        assertTrue(wire.contains("\r\nContent-Length: 15\r\n"),
                "expected 'Content-Length: 15': the length in BYTES of the UTF-8 body (é is 2 bytes), got:\n" + wire);
        assertTrue(wire.contains("\r\nConnection: keep-alive\r\n"), "expected 'Connection: keep-alive', got:\n" + wire);
        assertTrue(wire.endsWith("\r\n\r\n<H1>héllo</H1>"), "expected an empty line and then the body, got:\n" + wire);
    }

    @Test
    @Points(2)
    @DisplayName("a 404 has the right status line, and Connection: close when the connection closes")
    void test02_errorStatusAndClose() throws Exception {
        HttpResponse r = new HttpResponse();
        r.sendError(404, "no such page");
        String wire = write(r, false, false);
        assertEquals("HTTP/1.1 404 Not Found", firstLine(wire), "status line");
        assertTrue(wire.contains("\r\nConnection: close\r\n"), "expected 'Connection: close', got:\n" + wire);
    }

    @Test
    @Points(2)
    @DisplayName("HEAD gets the headers a GET would get (with Content-Length) but no body; 304 has no body")
    void test03_headAndNotModifiedHaveNoBody() throws Exception {
        HttpResponse r = new HttpResponse();
        r.setContentType("text/plain");
        r.getWriter().print("0123456789");
        String wire = write(r, true, true);
        assertTrue(wire.contains("\r\nContent-Length: 10\r\n"), "HEAD still says how long the GET body would be, got:\n" + wire);
        assertTrue(wire.endsWith("\r\n\r\n"), "HEAD must not send the body, got:\n" + wire);
        HttpResponse notModified = new HttpResponse();
        notModified.setStatus(304);
        String wire304 = write(notModified, false, true);
        assertEquals("HTTP/1.1 304 Not Modified", firstLine(wire304), "status line");
        assertTrue(wire304.endsWith("\r\n\r\n"), "a 304 has no body, got:\n" + wire304);
    }

    @Test
    @Points(1)
    @DisplayName("headers a servlet sets (e.g. Allow, Last-Modified) are sent too")
    void test04_servletHeadersAreSent() throws Exception {
        HttpResponse r = new HttpResponse();
        r.setHeader("X-Course", "wirelab");
        String wire = write(r, false, true);
        assertTrue(wire.contains("\r\nX-Course: wirelab\r\n"), "expected 'X-Course: wirelab', got:\n" + wire);
        assertTrue(wire.contains("\r\nContent-Length: 0\r\n"), "an empty body still has 'Content-Length: 0', got:\n" + wire);
    }

    static String firstLine(String wire) {
        int end = wire.indexOf("\r\n");
        return end < 0 ? wire : wire.substring(0, end);
    }

    @Test
    @Points(1)
    @DisplayName("text types say charset=utf-8 (the writer writes UTF-8); other types are sent as the servlet set them")
    void test05_textTypesSayTheirCharset() throws Exception {
        for (String type : new String[] {"text/plain", "text/html", "text/css"}) {
            HttpResponse r = new HttpResponse();
            r.setContentType(type);
            String wire = write(r, false, true).toLowerCase();
            assertTrue(wire.contains("\r\ncontent-type: " + type + "; charset=utf-8\r\n"), "Content-Type for " + type
                    + ": without a charset a browser guesses one and shows 'hÃ©llo' for 'héllo'; expected '" + type
                    + "; charset=utf-8', got:\n" + wire);
        }
        HttpResponse png = new HttpResponse();
        png.setContentType("image/png");
        assertTrue(write(png, false, true).contains("\r\nContent-Type: image/png\r\n"),
                "an image has no charset: expected 'Content-Type: image/png' as the servlet set it");
    }

    @Test
    @Points(2)
    @DisplayName("Date is GMT and in English whatever the JVM's time zone and language (tried in New York, in German)")
    void test06_dateIgnoresTheJvmTimeZoneAndLanguage() throws Exception {
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            Locale.setDefault(Locale.GERMANY);
            String wire = write(new HttpResponse(), false, true);
            assertTrue(wire.contains("\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"), "with the JVM in New York and in German,"
                    + " the instant 1994-11-06T08:49:37Z must still be 'Date: Sun, 06 Nov 1994 08:49:37 GMT' (GMT, English"
                    + " names: format with ZoneOffset.UTC and Locale.ENGLISH, e.g. HttpDates.format), got:\n" + wire);
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }
}
