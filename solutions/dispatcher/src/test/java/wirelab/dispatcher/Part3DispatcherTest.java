package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Points;

/**
 * Task 3, the dispatcher: the Servlet specification's mapping rules (chapter 12), and the
 * servlet life cycle. Run: {@code ./mvnw -q test -Dtest=Part3DispatcherTest}
 */
@Timeout(20)
@TestMethodOrder(MethodOrderer.MethodName.class)
class Part3DispatcherTest {

    /** A servlet that answers its own name. */
    record Named(String name) implements Servlet {
        @Override
        public void service(HttpRequest request, HttpResponse response) {
            response.getWriter().print(name);
        }
    }

    static String chosen(Dispatcher d, String path) {
        Dispatcher.Match m = d.match(path);
        return m == null ? null : ((Named) m.servlet()).name();
    }

    /** The example mappings of the Servlet specification, table 12-1. */
    static Dispatcher specExample() {
        return new Dispatcher()
                .map("/foo/bar/*", new Named("servlet1"))
                .map("/baz/*", new Named("servlet2"))
                .map("/catalog", new Named("servlet3"))
                .map("*.bop", new Named("servlet4"))
                .map("/", new Named("default"));
    }

    @Test
    @Points(2)
    @DisplayName("an exact pattern /catalog matches /catalog only")
    void test01_exactMatch() {
        Dispatcher d = specExample();
        assertEquals("servlet3", chosen(d, "/catalog"), "/catalog with /catalog mapped");
        assertEquals("default", chosen(d, "/catalogue"), "/catalogue is not /catalog: the default servlet");
    }

    @Test
    @Points(2)
    @DisplayName("a path prefix /baz/* matches /baz and everything under it, the longest prefix wins")
    void test02_longestPrefix() {
        Dispatcher d = specExample().map("/foo/*", new Named("foo"));
        assertEquals("servlet2", chosen(d, "/baz"), "/baz with /baz/* mapped");
        assertEquals("servlet2", chosen(d, "/baz/index.html"), "/baz/index.html with /baz/* mapped");
        assertEquals("servlet1", chosen(d, "/foo/bar/index.html"), "/foo/bar/* is longer than /foo/*");
        assertEquals("foo", chosen(d, "/foo/barn"), "/foo/barn is not under /foo/bar/, so /foo/*");
        Dispatcher.Match m = d.match("/foo/bar/css/site.css");
        assertEquals("/foo/bar", m.servletPath(), "servlet path for /foo/bar/css/site.css under /foo/bar/*");
        assertEquals("/css/site.css", m.pathInfo(), "path info for /foo/bar/css/site.css under /foo/bar/*");
    }

    @Test
    @Points(2)
    @DisplayName("an extension *.bop matches when no exact or prefix pattern does")
    void test03_extension() {
        Dispatcher d = specExample();
        assertEquals("servlet4", chosen(d, "/index.bop"), "/index.bop");
        assertEquals("servlet4", chosen(d, "/catalog/racecar.bop"), "/catalog/racecar.bop (/catalog is exact, not a prefix)");
        assertEquals("servlet1", chosen(d, "/foo/bar/index.bop"), "/foo/bar/index.bop: a prefix match beats an extension");
        assertEquals("default", chosen(d, "/x.bop/page"), "the extension is taken from the LAST segment only");
        Dispatcher js = specExample().map("*.js", new Named("scripts"));
        assertEquals("scripts", chosen(js, "/lib/jquery.min.js"), "/lib/jquery.min.js with *.js mapped: the extension"
                + " is what follows the LAST dot of the last segment (js), not the first (min.js)");
    }

    @Test
    @Points(1)
    @DisplayName("the default / gets what nothing else matches; without a default, no match (404)")
    void test04_defaultServlet() {
        assertEquals("default", chosen(specExample(), "/catalog/index.html"), "/catalog/index.html (table 12-2)");
        Dispatcher none = new Dispatcher().map("/a", new Named("a"));
        assertNull(none.match("/b"), "no pattern matches /b and there is no default: match() should return null");
    }

    @Test
    @Points(2)
    @DisplayName("an exact match wins over a prefix that also matches: /api/status before /api/*")
    void test05_exactBeatsPrefix() {
        Dispatcher d = new Dispatcher().map("/api/*", new Named("api")).map("/api/status", new Named("status"))
                .map("/*", new Named("all"));
        assertEquals("status", chosen(d, "/api/status"), "/api/status is mapped exactly");
        assertEquals("api", chosen(d, "/api/users"), "/api/users only matches /api/*");
        assertEquals("all", chosen(d, "/x.html"), "/* is a prefix of every path");
    }

    /** Counts its life-cycle calls. */
    static class LifeCycle extends HttpServlet {
        final AtomicInteger inits = new AtomicInteger();
        final AtomicInteger destroys = new AtomicInteger();

        @Override
        public void init() {
            inits.incrementAndGet();
        }

        @Override
        public void destroy() {
            destroys.incrementAndGet();
        }

        @Override
        protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
            response.getWriter().print("init " + inits.get());
        }
    }

    @Test
    @Points(3)
    @Timeout(45)   // five answers, each waited for up to 15 s on a busy machine
    @DisplayName("through the server: servlets are initialised once, serve many requests, are destroyed at shutdown")
    void test06_lifeCycleThroughTheServer() throws Exception {
        LifeCycle servlet = new LifeCycle();
        Dispatcher d = new Dispatcher().map("/life", servlet).map("*.life", servlet).map("/echo", new HttpServlet() {
            @Override
            protected void doPost(HttpRequest request, HttpResponse response) throws IOException {
                response.getWriter().print(request.getBodyAsString());
            }
        });
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // a long idle timeout: an answer without Content-Length then never ends, however slow the machine
        try (TestServer server = new TestServer(d, 8, Limits.defaults().withIdleTimeout(Duration.ofSeconds(60)))) {
            assertEquals(1, servlet.inits.get(), "init() once at start, even though the servlet is mapped twice");
            for (String path : new String[] {"/life", "/a.life", "/life"}) {
                var r = TestServer.fetch(client, java.net.http.HttpRequest.newBuilder(server.uri(path)).build(), 15);
                assertEquals(200, r.statusCode(), "GET " + path);
                assertEquals("init 1", r.body(), "GET " + path);
            }
            var echo = TestServer.fetch(client, java.net.http.HttpRequest.newBuilder(server.uri("/echo"))
                    .POST(BodyPublishers.ofString("ping")).build(), 15);
            assertEquals("ping", echo.body(), "POST /echo with body 'ping'");
            var missing = TestServer.fetch(client, java.net.http.HttpRequest.newBuilder(server.uri("/nothing")).build(), 15);
            assertEquals(404, missing.statusCode(), "GET /nothing (unmapped, no default)");
            assertEquals(0, servlet.destroys.get(), "destroy() must wait for the shutdown");
        }
        assertEquals(1, servlet.destroys.get(), "destroy() once at shutdown");
    }
}
