package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import wirelab.testkit.Points;

/**
 * Task 4, static files: {@link StaticFileServlet} mapped at {@code /static/*}, over a real
 * connection. Run: {@code ./mvnw -q test -Dtest=Part4StaticFilesTest}
 */
@Timeout(20)
@TestMethodOrder(MethodOrderer.MethodName.class)
class Part4StaticFilesTest {

    static final Instant MODIFIED = Instant.parse("2024-03-01T12:00:00Z");
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};

    @TempDir
    Path tmp;
    Path root;
    TestServer server;

    @BeforeEach
    void serveAFolder() throws Exception {
        root = Files.createDirectories(tmp.resolve("www"));
        Files.writeString(root.resolve("index.html"), "<h1>home</h1>");
        Files.createDirectories(root.resolve("css"));
        Files.writeString(root.resolve("css/site.css"), "h1 { color: red }");
        Files.write(root.resolve("logo.png"), PNG);
        Files.writeString(root.resolve("app.min.js"), "let x = 1;");
        Files.setLastModifiedTime(root.resolve("index.html"), FileTime.from(MODIFIED));
        Files.writeString(tmp.resolve("secret.txt"), "TOP SECRET");   // next to the root, not in it
        server = new TestServer(new Dispatcher().map("/static/*", new StaticFileServlet(root)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    RawHttp.Response get(String target) throws Exception {
        try (RawHttp c = server.connect()) {
            return c.send(RawHttp.get(target)).read();
        }
    }

    @Test
    @Points(3)
    @DisplayName("files are served with the Content-Type of their extension (html, css, png)")
    void test01_servesFilesWithTheirContentType() throws Exception {
        RawHttp.Response html = get("/static/index.html");
        assertEquals(200, html.status(), "GET /static/index.html");
        assertEquals("<h1>home</h1>", html.text(), "the file's content");
        assertTrue(html.header("Content-Type").startsWith("text/html"), "index.html's Content-Type: " + html.header("Content-Type"));
        RawHttp.Response css = get("/static/css/site.css");
        assertEquals(200, css.status(), "GET /static/css/site.css (a file in a sub-folder)");
        assertTrue(css.header("Content-Type").startsWith("text/css"), "site.css's Content-Type: " + css.header("Content-Type"));
        RawHttp.Response js = get("/static/app.min.js");
        assertTrue(js.header("Content-Type").startsWith("text/javascript"), "app.min.js's Content-Type (the extension"
                + " follows the LAST dot: js), got: " + js.header("Content-Type"));
        RawHttp.Response png = get("/static/logo.png");
        assertEquals("image/png", png.header("Content-Type"), "logo.png's Content-Type");
        assertArrayEquals(PNG, png.body(), "a binary file must arrive byte for byte");
        assertEquals(404, get("/static/nope.html").status(), "a file that does not exist");
    }

    @Test
    @Points(3)
    @DisplayName("Last-Modified is sent, and If-Modified-Since with that date answers 304 Not Modified")
    void test02_lastModifiedAndNotModified() throws Exception {
        RawHttp.Response first = get("/static/index.html");
        assertEquals("Fri, 01 Mar 2024 12:00:00 GMT", first.header("Last-Modified"),
                "Last-Modified of a file modified at 2024-03-01T12:00:00Z");
        try (RawHttp c = server.connect()) {
            RawHttp.Response again = c.send("GET /static/index.html HTTP/1.1\r\nHost: x\r\n"
                    + "If-Modified-Since: Fri, 01 Mar 2024 12:00:00 GMT\r\n\r\n").read();
            assertEquals(304, again.status(), "the client's copy is as new as the file");
            assertEquals(0, again.body().length, "a 304 has no body");
            RawHttp.Response older = c.send("GET /static/index.html HTTP/1.1\r\nHost: x\r\n"
                    + "If-Modified-Since: Thu, 29 Feb 2024 12:00:00 GMT\r\n\r\n").read();
            assertEquals(200, older.status(), "the client's copy is a day older than the file");
        }
    }

    @Test
    @Points(4)
    @DisplayName("path traversal (/static/../secret.txt, %2e%2e) never leaves the root: 403 or 404")
    void test03_noPathTraversal() throws Exception {
        for (String attack : new String[] {"/static/../secret.txt", "/static/css/../../secret.txt",
                "/static/%2e%2e/secret.txt", "/static/%2E%2E/%2e%2e/secret.txt"}) {
            RawHttp.Response r = get(attack);
            assertFalse(r.text().contains("TOP SECRET"), "GET " + attack + " served a file outside the root!");
            assertTrue(r.status() == 403 || r.status() == 404,
                    "GET " + attack + " should be 403 or 404, got " + r.status());
        }
        assertNotNull(get("/static/css/site.css").header("Content-Type"), "a normal file still works afterwards");
    }
}
