package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import wirelab.testkit.Points;

/** Hidden: every file kind of the table, and file times at every time of day. */
@Timeout(10)
@TestMethodOrder(MethodOrderer.MethodName.class)
class HiddenStaticFilesTest {

    @TempDir
    Path root;

    /** GET (with extra header lines) for /static/NAME through the dispatcher, in memory. */
    HttpResponse get(String name, String headers) throws Exception {
        Dispatcher d = new Dispatcher().map("/static/*", new StaticFileServlet(root));
        HttpRequest request = Part1ParserTest.parse("GET /static/" + name + " HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n");
        HttpResponse response = new HttpResponse();
        d.dispatch(request, response);
        return response;
    }

    @Test
    @Points(1)
    @DisplayName("every file kind of the table gets its Content-Type (htm, js, json, txt, jpg, jpeg, gif, svg, ico, pdf ...); unknown ones application/octet-stream")
    void test01_contentTypeForEveryKind() throws Exception {
        String[][] kinds = {
            {"a.html", "text/html"}, {"a.htm", "text/html"}, {"a.css", "text/css"}, {"a.js", "text/javascript"},
            {"a.json", "application/json"}, {"a.txt", "text/plain"}, {"a.png", "image/png"}, {"a.jpg", "image/jpeg"},
            {"a.jpeg", "image/jpeg"}, {"a.gif", "image/gif"}, {"a.svg", "image/svg+xml"}, {"a.ico", "image/x-icon"},
            {"a.pdf", "application/pdf"}, {"PHOTO.JPG", "image/jpeg"}, {"a.tar.gz", "application/octet-stream"},
            {"a.bin", "application/octet-stream"}, {"Makefile", "application/octet-stream"},
            {"a.html.bak", "application/octet-stream"}, {"a.", "application/octet-stream"},
        };
        for (String[] kind : kinds) {
            Files.writeString(root.resolve(kind[0]), "content of " + kind[0]);
            HttpResponse r = get(kind[0], "");
            assertEquals(200, r.getStatus(), "GET /static/" + kind[0]);
            assertEquals(kind[1], r.getContentType(), "the Content-Type of " + kind[0] + " (by the extension after the"
                    + " last dot, as in the TYPES table; an extension the table does not know, or none, is"
                    + " application/octet-stream: plain bytes)");
        }
    }

    /** File times a date format gets wrong when one of its letters is (see HiddenResponseTest.TIMES). */
    static final String[][] TIMES = {
        {"2024-03-03T00:30:05Z", "Sun, 03 Mar 2024 00:30:05 GMT"},
        {"2024-07-09T13:45:09Z", "Tue, 09 Jul 2024 13:45:09 GMT"},
        {"2024-09-05T16:20:00Z", "Thu, 05 Sep 2024 16:20:00 GMT"},
        {"2024-12-31T23:59:59Z", "Tue, 31 Dec 2024 23:59:59 GMT"},
    };

    @Test
    @Points(2)
    @DisplayName("Last-Modified is right at every time of day and year (files modified at 00:30, 13:45, in September, on New Year's Eve), and answers 304 when sent back")
    void test02_lastModifiedAtEveryTimeOfDay() throws Exception {
        Path file = Files.writeString(root.resolve("page.html"), "<p>page</p>");
        for (String[] t : TIMES) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse(t[0])));
            HttpResponse r = get("page.html", "");
            assertEquals(t[1], r.getHeader("Last-Modified"), "Last-Modified of a file modified at " + t[0] + " (RFC"
                    + " 1123 in GMT: dd day of the month, HH hour 00-23, yyyy year, US English month names such as"
                    + " Sep; hh, DD, YYYY or a locale that writes Sept are right only at some times of the day or year)");
            HttpResponse again = get("page.html", "If-Modified-Since: " + t[1] + "\r\n");
            assertEquals(304, again.getStatus(), "If-Modified-Since: " + t[1] + " is the file's own time (" + t[0]
                    + "): 304 Not Modified (read the date with the same rules it was written with)");
        }
    }

    @Test
    @Points(1)
    @DisplayName("If-Modified-Since newer than the file is 304 too; one that is not a date is ignored (200); a file time with milliseconds matches its own Last-Modified")
    void test03_ifModifiedSinceEdges() throws Exception {
        Path file = Files.writeString(root.resolve("page.html"), "<p>page</p>");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-03-01T12:00:00.750Z")));
        HttpResponse first = get("page.html", "");
        assertEquals("Fri, 01 Mar 2024 12:00:00 GMT", first.getHeader("Last-Modified"), "Last-Modified of a file"
                + " modified at 12:00:00.750: HTTP dates have whole seconds");
        assertEquals(304, get("page.html", "If-Modified-Since: Fri, 01 Mar 2024 12:00:00 GMT\r\n").getStatus(),
                "the client sends back the file's own Last-Modified (12:00:00) for a file modified at 12:00:00.750:"
                        + " not modified (compare whole seconds, as the header has them)");
        assertEquals(304, get("page.html", "If-Modified-Since: Sat, 02 Mar 2024 08:00:00 GMT\r\n").getStatus(),
                "If-Modified-Since a day after the file's time: the file is not newer than the client's copy, 304"
                        + " (answer 304 when If-Modified-Since is not older than the file, not only when it is equal)");
        assertEquals(200, get("page.html", "If-Modified-Since: Fri, 01 Mar 2024 11:59:59 GMT\r\n").getStatus(),
                "If-Modified-Since one second before the file's time: the file is newer, 200 with the file");
        for (String bad : new String[] {"yesterday", "Fri, 01 Mar 2024", ""}) {
            HttpResponse r = get("page.html", "If-Modified-Since: " + bad + "\r\n");
            assertEquals(200, r.getStatus(), "'If-Modified-Since: " + bad + "' is not an HTTP date: ignore the header"
                    + " and send the file (200), do not fail the request");
            assertEquals("<p>page</p>", Part2ServletTest.body(r), "the file's content for 'If-Modified-Since: " + bad + "'");
        }
    }

    @Test
    @Points(1)
    @DisplayName("a file whose name holds two dots in a row (v1..2.txt, ..notes.txt) is inside the root and is served: only a '..' segment leaves it")
    void test04_twoDotsInAFileName() throws Exception {
        Files.createDirectories(root.resolve("docs"));
        for (String name : new String[] {"v1..2.txt", "..notes.txt", "docs/draft...txt"}) {
            Files.writeString(root.resolve(name), "content of " + name);
            HttpResponse r = get(name, "");
            assertEquals(200, r.getStatus(), "GET /static/" + name + ": the file is inside the root. Only a path"
                    + " segment that IS '..' leads out of a folder; refusing every path that contains '..' anywhere"
                    + " also refuses real files such as this one");
            assertEquals("content of " + name, Part2ServletTest.body(r), "the content of " + name);
        }
    }
}
