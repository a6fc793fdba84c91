package wirelab.dispatcher;

import static wirelab.testkit.Probes.check;
import static wirelab.testkit.Probes.end;
import static wirelab.testkit.Probes.expect;
import static wirelab.testkit.Probes.setup;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

/**
 * Runs in a child JVM (see {@link wirelab.testkit.ChildJvm}) that starts where the grading machine does not: a
 * default charset of ISO-8859-1 (Windows, older Linux), the time zone of Kolkata (UTC+05:30) and
 * German as its language, from its first line on, so a formatter or a charset picked up once
 * from the machine (in a static field, say) is caught too. Calls the student's code directly and
 * prints one line per check: {@code PASS name} or {@code FAIL name: what happened} (the test kit's
 * {@link wirelab.testkit.Probes}).
 */
public final class PlatformProbes {

    static final String ZONE = "Asia/Kolkata";
    static final Instant LECTURE_EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");
    static final Instant MODIFIED = Instant.parse("2024-03-01T12:00:00Z");

    private PlatformProbes() {
    }

    public static void main(String[] args) {
        setup("setup-charset", Charset.defaultCharset().equals(StandardCharsets.ISO_8859_1),
                "the child JVM's default charset is " + Charset.defaultCharset() + ", not ISO-8859-1");
        setup("setup-zone", TimeZone.getDefault().getID().equals(ZONE) && ZoneId.systemDefault().getId().equals(ZONE),
                "the child JVM's time zone is " + ZoneId.systemDefault() + ", not " + ZONE);
        check("decodeParameters", PlatformProbes::parameters);
        check("ResponseWriter.Date", PlatformProbes::date);
        check("StaticFileServlet.Last-Modified", PlatformProbes::lastModified);
        end();
    }

    static void parameters() throws Exception {
        Map<String, List<String>> into = new LinkedHashMap<>();
        RequestParser.decodeParameters("caf%C3%A9=cr%C3%A8me+br%C3%BBl%C3%A9e&price=5%E2%82%AC", into);
        expect(Map.of("café", List.of("crème brûlée"), "price", List.of("5€")), into,
                "the parameters of ?caf%C3%A9=cr%C3%A8me+br%C3%BBl%C3%A9e&price=5%E2%82%AC (percent-escapes are UTF-8"
                + " bytes: decode names and values with URLDecoder.decode(s, StandardCharsets.UTF_8); without the"
                + " charset the machine's default is used, here ISO-8859-1)");
    }

    static void date() throws Exception {
        HttpResponse response = new HttpResponse();
        response.setContentType("text/plain");
        response.getWriter().print("hello");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ResponseWriter(Clock.fixed(LECTURE_EXAMPLE, ZoneOffset.UTC)).write(out, response, false, true);
        expect("Sun, 06 Nov 1994 08:49:37 GMT", header(out.toString(StandardCharsets.ISO_8859_1), "Date"),
                "with the clock at 1994-11-06T08:49:37Z, in a JVM started in Kolkata (UTC+05:30) in German, the Date header");
    }

    static void lastModified() throws Exception {
        Path root = Files.createTempDirectory("www");
        Path file = Files.writeString(root.resolve("index.html"), "<h1>home</h1>");
        try {
            Files.setLastModifiedTime(file, FileTime.from(MODIFIED));
            StaticFileServlet servlet = new StaticFileServlet(root);
            HttpResponse plain = get(servlet, null);
            expect("Fri, 01 Mar 2024 12:00:00 GMT", plain.getHeader("Last-Modified"), "in a JVM started in Kolkata"
                    + " (UTC+05:30) in German, Last-Modified of a file modified at 2024-03-01T12:00:00Z");
            expect(304, get(servlet, "Fri, 01 Mar 2024 12:00:00 GMT").getStatus(), "in a JVM started in Kolkata in"
                    + " German, the status for 'If-Modified-Since: Fri, 01 Mar 2024 12:00:00 GMT' (the file's own time;"
                    + " read the date as GMT and in English, e.g. with HttpDates.parse)");
            expect(200, get(servlet, "Thu, 29 Feb 2024 12:00:00 GMT").getStatus(), "in a JVM started in Kolkata in"
                    + " German, the status for 'If-Modified-Since: Thu, 29 Feb 2024 12:00:00 GMT' (a day older than the file)");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(root);
        }
    }

    static HttpResponse get(StaticFileServlet servlet, String ifModifiedSince) throws Exception {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Host", "localhost");
        if (ifModifiedSince != null) {
            headers.put("If-Modified-Since", ifModifiedSince);
        }
        HttpRequest request = new HttpRequest("GET", "/static/index.html", "/static/index.html", "/static/index.html",
                "HTTP/1.1", headers, Map.of(), new byte[0]);
        request.setMapping("/static", "/index.html");
        HttpResponse response = new HttpResponse();
        servlet.doGet(request, response);
        return response;
    }

    static String header(String wire, String name) {
        for (String line : wire.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
