package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import wirelab.testkit.Points;

/** Hidden: robustness over real connections: limits, timeouts, HEAD, errors, traversal tricks. */
@Timeout(30)
@TestMethodOrder(MethodOrderer.MethodName.class)
class HiddenServerTest {

    @TempDir
    Path tmp;

    static Dispatcher app() {
        return Part5ServerTest.app().map("/boom", new HttpServlet() {
            @Override
            protected void doGet(HttpRequest request, HttpResponse response) {
                throw new IllegalStateException("bug in the servlet");
            }
        });
    }

    @Test
    @Points(2)
    @DisplayName("an idle kept-alive connection is closed after the idle timeout")
    void test01_idleTimeout() throws Exception {
        Limits limits = Limits.defaults().withIdleTimeout(Duration.ofMillis(300));
        try (TestServer server = new TestServer(app(), 4, limits); RawHttp c = server.connect()) {
            // timed from before the request: the server cannot rightly close sooner than 300 ms
            // after it, however late this thread gets to read the answer on a busy machine
            long start = System.nanoTime();
            assertEquals("/echo/x", c.send(RawHttp.get("/echo/x")).read().text(), "first answer");
            assertTrue(c.closedByServer(), "the server should close a connection idle for longer than 300 ms");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 200, "closed " + ms + " ms after the request was sent: the idle timeout is 300 ms,"
                    + " so a kept-alive connection stays open that long after the answer");
        }
    }

    @Test
    @Points(2)
    @DisplayName("a client that stops in the middle of its request gets 408 Request Timeout")
    void test02_stalledClientTimesOut() throws Exception {
        Limits limits = Limits.defaults().withRequestTimeout(Duration.ofMillis(400));
        try (TestServer server = new TestServer(app(), 4, limits); RawHttp c = server.connect()) {
            c.send("GET /echo/x HTTP/1.1\r\nHost: x\r\n");   // no empty line: the head never ends
            assertEquals(408, c.read().status(), "the head never ended; after the request timeout the server gives up");
            assertTrue(c.closedByServer(), "and closes the connection");
        }
    }

    @Test
    @Points(2)
    @DisplayName("a slowloris client (a byte, a short header line or a piece of body every 20 ms, forever) cannot hold a worker: 408")
    void test03_slowlorisTimesOut() throws Exception {
        Limits limits = Limits.defaults().withRequestTimeout(Duration.ofMillis(500));
        String[][] cases = {   // what is sent first, then what is sent again every 20 ms, what it is
            {"GET /echo/x HTTP/1.1\r\nHost: x\r\nX-Long: ", "X", "one byte of a header line"},
            {"GET /echo/x HTTP/1.1\r\nHost: x\r\n", "X-Drip: 1\r\n", "a short header line"},
            {"POST /echo/x HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n" + "b".repeat(512), "b".repeat(512),
                "512 bytes of a 1 000 000-byte body (the body's reading needs the deadline too: call checkDeadline()"
                + " as it arrives)"},
        };
        try (TestServer server = new TestServer(app(), 4, limits)) {
            for (String[] slow : cases) {
                ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
                try (RawHttp c = server.connect()) {
                    c.send(slow[0]);
                    drip.scheduleAtFixedRate(() -> {
                        try {
                            c.send(slow[1]);
                        } catch (IOException stopped) {
                            throw new RuntimeException(stopped);   // ends the dripping
                        }
                    }, 0, 20, TimeUnit.MILLISECONDS);
                    int status;
                    try {
                        status = c.read().status();
                    } catch (java.net.SocketTimeoutException e) {
                        throw new AssertionError("sending " + slow[2] + " every 20 ms: no answer within 5 s, though the"
                                + " request timeout is 500 ms: each piece arrives in time, so only a deadline for the"
                                + " whole request stops such a client");
                    }
                    assertEquals(408, status, "sending " + slow[2] + " every 20 ms: each piece arrives in time, but the"
                            + " whole request takes longer than the 500 ms allowed");
                } finally {
                    drip.shutdownNow();
                }
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("over the wire: 414, 431 and 413 are answered, then the connection closes")
    void test04_limitsOverTheWire() throws Exception {
        Limits limits = Limits.defaults().withMaxBody(100);
        try (TestServer server = new TestServer(app(), 4, limits)) {
            String[][] cases = {
                {"414", "GET /" + "a".repeat(limits.maxRequestLine() + 1) + " HTTP/1.1\r\nHost: x\r\n\r\n"},
                {"431", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(limits.maxHeaderBytes()) + "\r\n\r\n"},
                {"413", "POST /echo/x HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + "c".repeat(5000)},
            };
            for (String[] test : cases) {
                try (RawHttp c = server.connect()) {
                    RawHttp.Response r = c.send(test[1]).read();
                    assertEquals(Integer.parseInt(test[0]), r.status(), "expected " + test[0] + " for a request of "
                            + test[1].length() + " bytes");
                    assertTrue(c.closedByServer(), "after " + test[0] + " the connection should close");
                }
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("HEAD over the wire: Content-Length of the GET, no body; the next response is not corrupted")
    void test05_headOverTheWire() throws Exception {
        try (TestServer server = new TestServer(app()); RawHttp c = server.connect()) {
            RawHttp.Response head = c.send("HEAD /echo/abcdef HTTP/1.1\r\nHost: x\r\n\r\n").readHead();
            assertEquals(200, head.status(), "HEAD status");
            assertEquals("12", head.header("Content-Length"), "HEAD's Content-Length is that of the GET body '/echo/abcdef'");
            assertEquals("/echo/next", c.send(RawHttp.get("/echo/next")).read().text(),
                    "the response after a HEAD (if HEAD sent a body, this would read garbage)");
        }
    }

    @Test
    @Points(2)
    @DisplayName("a servlet that throws gives 500, and the server keeps serving")
    void test06_servletExceptionIs500() throws Exception {
        try (TestServer server = new TestServer(app())) {
            try (RawHttp c = server.connect()) {
                assertEquals(500, c.send(RawHttp.get("/boom")).read().status(), "GET /boom (the servlet throws)");
            }
            try (RawHttp c = server.connect()) {
                assertEquals("/echo/ok", c.send(RawHttp.get("/echo/ok")).read().text(), "the next request still works");
            }
        }
    }

    @Test
    @Points(3)
    @DisplayName("traversal tricks: encoded slashes, //absolute paths, backslashes, ..%2f, symlinks out of the root")
    void test07_traversalTricks() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("www"));
        Files.writeString(root.resolve("ok.txt"), "fine");
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP SECRET");
        Files.createDirectories(root.resolve("sub"));
        try {
            Files.createSymbolicLink(root.resolve("link.txt"), secret);
        } catch (IOException | UnsupportedOperationException noLinks) {
            // no symbolic links here: the other tricks still count
        }
        try (TestServer server = new TestServer(new Dispatcher().map("/static/*", new StaticFileServlet(root))
                .map("/", new StaticFileServlet(root)))) {
            String abs = secret.toAbsolutePath().toString().replace('\\', '/');
            for (String attack : new String[] {"/static/..%2fsecret.txt", "/static/sub%2f..%2f..%2fsecret.txt",
                    "/static/%2e%2e%2fsecret.txt", "/static/" + abs, "/static//" + abs, "/static/..\\secret.txt",
                    "/static/%2e%2e%5csecret.txt", "/static/link.txt", "/../secret.txt", "/%2e%2e/secret.txt",
                    "/static/sub/../../secret.txt", "/static/ok.txt%00.html"}) {
                try (RawHttp c = server.connect()) {
                    RawHttp.Response r = c.send(RawHttp.get(attack)).read();
                    assertFalse(r.text().contains("TOP SECRET"), "GET " + attack + " served a file outside the root!");
                    assertTrue(r.status() == 403 || r.status() == 404 || r.status() == 400,
                            "GET " + attack + " should be refused (403 or 404), got " + r.status());
                }
            }
            try (RawHttp c = server.connect()) {
                assertEquals("fine", c.send(RawHttp.get("/static/ok.txt")).read().text(), "a normal file");
                int folder = c.send(RawHttp.get("/static/sub")).read().status();
                assertTrue(folder == 403 || folder == 404, "a folder is not a file: 403 or 404, got " + folder);
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("a PUT or DELETE with a body is read whole, even when answered 405: the pipelined request after it is intact")
    void test08_everyMethodsBodyIsRead() throws Exception {
        try (TestServer server = new TestServer(app()); RawHttp c = server.connect()) {
            c.send("PUT /echo/p HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello" + RawHttp.get("/echo/next")
                    + "DELETE /echo/d HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc" + RawHttp.get("/echo/last"));
            assertEquals(405, c.read().status(), "PUT on a servlet without doPut");
            RawHttp.Response next = c.read();
            assertEquals("/echo/next", next.text(), "the GET sent right after 'PUT ... Content-Length: 5' and its body"
                    + " 'hello' (got status " + next.status() + "): any request may have a body, not only POST; read its"
                    + " Content-Length bytes, or they are taken for the start of the next request");
            assertEquals(405, c.read().status(), "DELETE on a servlet without doDelete");
            assertEquals("/echo/last", c.read().text(), "the GET sent right after 'DELETE ... Content-Length: 3' and 'abc'");
        }
    }

    @Test
    @Points(2)
    @DisplayName("escapes the root: a sibling folder www-private next to www, a symlinked folder inside the root")
    void test09_siblingAndLinkedFolders() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("www"));
        Files.writeString(root.resolve("ok.txt"), "fine");
        Path privateSibling = Files.createDirectories(tmp.resolve("www-private"));
        Files.writeString(privateSibling.resolve("secret.txt"), "TOP SECRET sibling");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "TOP SECRET linked");
        boolean links = true;
        try {
            Files.createSymbolicLink(root.resolve("shared"), outside);
        } catch (IOException | UnsupportedOperationException noLinks) {
            links = false;   // no symbolic links here: the sibling still counts
        }
        try (TestServer server = new TestServer(new Dispatcher().map("/static/*", new StaticFileServlet(root)))) {
            String[] attacks = links
                    ? new String[] {"/static/../www-private/secret.txt", "/static/%2e%2e/www-private/secret.txt",
                        "/static/shared/secret.txt"}
                    : new String[] {"/static/../www-private/secret.txt", "/static/%2e%2e/www-private/secret.txt"};
            for (String attack : attacks) {
                try (RawHttp c = server.connect()) {
                    RawHttp.Response r = c.send(RawHttp.get(attack)).read();
                    assertFalse(r.text().contains("TOP SECRET"), "GET " + attack + " served a file outside the root "
                            + root.getFileName() + (attack.contains("shared") ? ": 'shared' is a symbolic link to a"
                            + " folder outside the root; compare the REAL path (toRealPath) with the root"
                            : ": www-private is a sibling of www, and '/tmp/x/www-private' starts with the STRING"
                            + " '/tmp/x/www'; compare Paths (Path.startsWith), which compare whole names"));
                    assertTrue(r.status() == 403 || r.status() == 404 || r.status() == 400,
                            "GET " + attack + " should be refused (403 or 404), got " + r.status());
                }
            }
            try (RawHttp c = server.connect()) {
                assertEquals("fine", c.send(RawHttp.get("/static/ok.txt")).read().text(), "a normal file");
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("limits are checked while reading, not after: an endless header line gets 431, a too-large body 413, at once")
    void test10_limitsBeforeBuffering() throws Exception {
        Limits limits = Limits.defaults().withMaxBody(100).withRequestTimeout(Duration.ofSeconds(20));
        try (TestServer server = new TestServer(app(), 4, limits)) {
            try (RawHttp c = server.connect()) {
                // a header line longer than the limit, not yet ended: the rest could be gigabytes
                c.send("GET /echo/x HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(limits.maxHeaderBytes() + 1024));
                assertEquals(431, answer(c, "a header line of " + (limits.maxHeaderBytes() + 1024) + " bytes that has not"
                        + " ended yet"), "status for a header line longer than maxHeaderBytes");
            }
            try (RawHttp c = server.connect()) {
                // many complete header lines, more than the limit together, and the head has not ended yet
                String lines = ("X-Part: " + "p".repeat(990) + "\r\n").repeat(20);
                c.send("GET /echo/x HTTP/1.1\r\nHost: x\r\n" + lines);
                assertEquals(431, answer(c, lines.length() + " bytes of complete header lines (1 000 bytes each) whose"
                        + " head has not ended yet"), "status for header lines that add up to more than maxHeaderBytes");
            }
            try (RawHttp c = server.connect()) {
                c.send("POST /echo/x HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n");   // body not sent (yet)
                assertEquals(413, answer(c, "'Content-Length: 50000000' with maxBody 100, before the body was sent"),
                        "status for a body larger than maxBody");
            }
            try (RawHttp c = server.connect()) {
                c.send("POST /echo/x HTTP/1.1\r\nHost: x\r\nContent-Length: 2147483647\r\n\r\n");
                assertEquals(413, answer(c, "'Content-Length: 2147483647' with maxBody 100 (an array for such a body"
                        + " cannot even be made)"), "status for a body of 2 GB with maxBody 100");
            }
        }
    }

    @Test
    @Points(1)
    @DisplayName("targets that are not a plain file path get an answer too: GET /, OPTIONS *, GET /.hidden")
    void test11_oddTargetsGetAnAnswer() throws Exception {
        try (TestServer server = new TestServer(app())) {
            for (String target : new String[] {"GET /", "OPTIONS *", "GET /.hidden", "GET /echo/"}) {
                try (RawHttp c = server.connect()) {
                    RawHttp.Response r;
                    try {
                        r = c.send(target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").read();
                    } catch (AssertionError | IOException e) {
                        throw new AssertionError("'" + target + " HTTP/1.1' got no answer (" + e.getMessage() + "): the"
                                + " dispatcher must choose a servlet or none (404) for every path without throwing; '*'"
                                + " (OPTIONS *, a question about the whole server) is a path without any '/'", e);
                    }
                    assertTrue(r.status() < 500, "'" + target + " HTTP/1.1' was answered " + r.status() + ": expected an"
                            + " answer from the servlet mapped to it, or 404 when none is");
                }
            }
            try (RawHttp c = server.connect()) {
                assertEquals("/echo/ok", c.send("GET /echo/ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .read().text(), "a normal request afterwards");
            }
        }
    }

    /** The status of the next answer; fails with a sentence when none comes within RawHttp's 5 s. */
    private static int answer(RawHttp c, String what) throws IOException {
        try {
            return c.read().status();
        } catch (AssertionError closed) {
            throw new AssertionError("the server closed the connection without an answer to " + what + ": was the"
                    + " line or the body's array made before the limit was checked? Check the limit first", closed);
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("no answer within 5 s to " + what + ": the limit must be checked while reading,"
                    + " before the whole line or body is in memory (a client could send gigabytes), and answered at once");
        }
    }
}
