package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Points;

/** Hidden: the response head at every time of day and for every status the server answers. */
@Timeout(10)
@TestMethodOrder(MethodOrderer.MethodName.class)
class HiddenResponseTest {

    /**
     * Instants a date format gets wrong when one of its letters is: half past midnight (hh gives 12,
     * kk 24), a quarter to two in the afternoon (hh and KK give 01), a day before the 10th (d gives 6),
     * September (English as in Britain or Australia writes Sept), New Year's Eve (YYYY, the week-based
     * year, is already the next year; DD, the day of the year, 366).
     */
    static final String[][] TIMES = {
        {"2024-03-03T00:30:05Z", "Sun, 03 Mar 2024 00:30:05 GMT"},
        {"2024-07-09T13:45:09Z", "Tue, 09 Jul 2024 13:45:09 GMT"},
        {"2024-09-05T16:20:00Z", "Thu, 05 Sep 2024 16:20:00 GMT"},
        {"2024-12-31T23:59:59.999Z", "Tue, 31 Dec 2024 23:59:59 GMT"},
        {"2025-01-01T12:00:00Z", "Wed, 01 Jan 2025 12:00:00 GMT"},
        {"2000-02-29T08:05:00Z", "Tue, 29 Feb 2000 08:05:00 GMT"},
    };

    static String write(HttpResponse response, Instant now) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ResponseWriter(Clock.fixed(now, ZoneOffset.UTC)).write(out, response, false, true);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    @Points(2)
    @DisplayName("Date is right at every time of day and year: 00:30, 13:45, in September, New Year's Eve, a leap day (fixed clocks)")
    void test01_dateAtEveryTimeOfDay() throws Exception {
        for (String[] t : TIMES) {
            String wire = write(new HttpResponse(), Instant.parse(t[0]));
            assertTrue(wire.contains("\r\nDate: " + t[1] + "\r\n"), "with the clock at " + t[0] + " the header should be"
                    + " 'Date: " + t[1] + "' (RFC 1123: dd day of the month, HH hour 00-23, yyyy year, US English month"
                    + " names such as Sep; not hh, DD, YYYY or a locale that writes Sept, which are right only at some"
                    + " times of the day or year), got:\n" + head(wire));
        }
    }

    @Test
    @Points(1)
    @DisplayName("204 No Content and 304 Not Modified have no Content-Length (and no body); 200 with an empty body has Content-Length: 0")
    void test02_noContentLengthWithoutABody() throws Exception {
        for (int status : new int[] {204, 304}) {
            HttpResponse r = new HttpResponse();
            r.setStatus(status);
            String wire = write(r, Instant.parse(TIMES[0][0]));
            assertTrue(wire.startsWith("HTTP/1.1 " + status + " "), "status line for " + status + ", got:\n" + head(wire));
            assertFalse(wire.toLowerCase().contains("\r\ncontent-length:"), "a " + status + " answer has no body, so"
                    + " no Content-Length either (RFC 9110: a 204 must not send one, and a 304's would describe the"
                    + " file, not this answer), got:\n" + head(wire));
            assertTrue(wire.endsWith("\r\n\r\n"), "a " + status + " answer ends with the empty line, got:\n" + wire);
        }
        String ok = write(new HttpResponse(), Instant.parse(TIMES[0][0]));
        assertTrue(ok.contains("\r\nContent-Length: 0\r\n"), "a 200 with an empty body still says 'Content-Length: 0',"
                + " got:\n" + head(ok));
    }

    @Test
    @Points(1)
    @DisplayName("every status the server answers has its status line: HTTP/1.1 400 Bad Request, 413 Content Too Large, 505 ...")
    void test03_statusLineForEveryStatus() throws Exception {
        int[] statuses = {200, 201, 204, 301, 302, 304, 400, 403, 404, 405, 408, 411, 413, 414, 431, 500, 501, 503, 505};
        for (int status : statuses) {
            HttpResponse r = new HttpResponse();
            r.setStatus(status);
            String wire = write(r, Instant.parse(TIMES[1][0]));
            String expected = "HTTP/1.1 " + status + " " + HttpResponse.reason(status);
            assertEquals(expected, wire.substring(0, Math.max(0, wire.indexOf("\r\n"))), "the status line for "
                    + status + ": 'HTTP/1.1', the code and its reason phrase (HttpResponse.reason)");
        }
    }

    static String head(String wire) {
        int end = wire.indexOf("\r\n\r\n");
        return end < 0 ? wire : wire.substring(0, end);
    }
}
