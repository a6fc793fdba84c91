package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Loopback;
import wirelab.testkit.Points;
import wirelab.testkit.Waits;

/**
 * Task 1 and 3 together: the whole server over real loopback connections.
 * Run: {@code ./mvnw -q test -Dtest=Part5ServerTest}
 */
@Timeout(30)
@TestMethodOrder(MethodOrderer.MethodName.class)
class Part5ServerTest {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Answers its path and the number of requests it has seen on the whole server. */
    static class Echo extends HttpServlet {
        final AtomicInteger served = new AtomicInteger();

        @Override
        protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
            served.incrementAndGet();
            response.setContentType("text/plain");
            response.getWriter().print(request.getPath());
        }

        @Override
        protected void doPost(HttpRequest request, HttpResponse response) throws IOException {
            served.incrementAndGet();
            response.setContentType("text/plain");
            response.getWriter().print(request.getPath() + ":" + request.getBodyAsString());
        }
    }

    static Dispatcher app() {
        return new Dispatcher().map("/hello", new HelloServlet()).map("/echo/*", new Echo());
    }

    @Test
    @Points(3)
    @DisplayName("java.net.http.HttpClient gets the lecture's page with 200, Date, Server and Content-Type")
    void test01_httpClientGetsAPage() throws Exception {
        try (TestServer server = new TestServer(app())) {
            var r = CLIENT.send(java.net.http.HttpRequest.newBuilder(server.uri("/hello?name=Grace"))
                    .timeout(Duration.ofSeconds(5)).build(), BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), "GET /hello?name=Grace");
            assertTrue(r.body().contains("Hello Grace!"), "the page should greet Grace, got: " + r.body());
            String date = r.headers().firstValue("Date").orElse(null);
            assertNotNull(date, "every response needs a Date header");
            Instant when = HttpDates.parse(date).orElseThrow(() ->
                    new AssertionError("Date is not an RFC 1123 date such as 'Sun, 06 Nov 1994 08:49:37 GMT': " + date));
            assertTrue(Math.abs(Duration.between(when, Instant.now()).toSeconds()) < 60, "Date should be now, got " + date);
            assertTrue(r.headers().firstValue("Server").isPresent(), "every response needs a Server header");
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), "Content-Type");
        }
    }

    @Test
    @Points(3)
    @DisplayName("keep-alive: two requests on one connection both get answers, the connection stays open")
    void test02_keepAlive() throws Exception {
        try (TestServer server = new TestServer(app()); RawHttp c = server.connect()) {
            RawHttp.Response first = c.send(RawHttp.get("/echo/one")).read();
            assertEquals("/echo/one", first.text(), "first answer");
            RawHttp.Response second = c.send("POST /echo/two HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody").read();
            assertEquals("/echo/two:body", second.text(), "second answer, on the same connection");
            RawHttp.Response third = c.send("GET /echo/three HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").read();
            assertEquals("/echo/three", third.text(), "third answer");
            assertEquals("close", third.header("Connection"), "the client asked to close: the server says Connection: close");
            assertTrue(c.closedByServer(), "after 'Connection: close' the server should close the connection");
        }
    }

    @Test
    @Points(3)
    @DisplayName("pipelining: three requests sent at once are answered in order")
    void test03_pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (TestServer server = new TestServer(app()); RawHttp c = server.connect()) {
            c.send(RawHttp.get("/echo/1") + "POST /echo/2 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                    + RawHttp.get("/echo/3"));
            assertEquals("/echo/1", c.read().text(), "first answer");
            assertEquals("/echo/2:abc", c.read().text(), "second answer");
            assertEquals("/echo/3", c.read().text(), "third answer");
        }
    }

    @Test
    @Points(2)
    @DisplayName("HTTP/1.0: answered, then the connection closes (unless the client asks for keep-alive)")
    void test04_http10ClosesAfterTheResponse() throws Exception {
        try (TestServer server = new TestServer(app())) {
            try (RawHttp c = server.connect()) {
                RawHttp.Response r = c.send("GET /echo/old HTTP/1.0\r\n\r\n").read();
                assertEquals(200, r.status(), "an HTTP/1.0 request without Host");
                assertEquals("/echo/old", r.text(), "answer");
                assertTrue(c.closedByServer(), "HTTP/1.0 without 'Connection: keep-alive': close after the response");
            }
            try (RawHttp c = server.connect()) {
                c.send("GET /echo/a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
                assertEquals("/echo/a", c.read().text(), "first HTTP/1.0 keep-alive answer");
                c.send("GET /echo/b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
                assertEquals("/echo/b", c.read().text(), "second answer on the kept-alive HTTP/1.0 connection");
            }
        }
    }

    @Test
    @Points(3)
    @DisplayName("a malformed request gets 400 and a clean close; an unknown version gets 505")
    void test05_malformedIs400ThenClose() throws Exception {
        try (TestServer server = new TestServer(app())) {
            try (RawHttp c = server.connect()) {
                RawHttp.Response r = c.send("HELLO SERVER\r\n\r\n").read();
                assertEquals(400, r.status(), "'HELLO SERVER' is not a request line");
                assertTrue(c.closedByServer(), "after a 400 the server should close the connection");
            }
            try (RawHttp c = server.connect()) {
                assertEquals(505, c.send("GET /echo/x HTTP/2.0\r\nHost: x\r\n\r\n").read().status(), "HTTP/2.0 as text");
            }
            try (RawHttp c = server.connect()) {
                assertEquals("/echo/fine", c.send(RawHttp.get("/echo/fine")).read().text(),
                        "the server still works after bad requests");
            }
        }
    }

    @Test
    @Points(3)
    @DisplayName("the thread pool serves two slow requests at the same time")
    void test06_requestsAreServedConcurrently() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        Dispatcher d = new Dispatcher().map("/slow", new HttpServlet() {
            @Override
            protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
                bothInside.countDown();
                try {
                    boolean together = bothInside.await(5, TimeUnit.SECONDS);
                    response.getWriter().print(together ? "together" : "alone");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try (TestServer server = new TestServer(d, 4, Limits.defaults())) {
            var req = java.net.http.HttpRequest.newBuilder(server.uri("/slow")).timeout(Duration.ofSeconds(10)).build();
            CompletableFuture<java.net.http.HttpResponse<String>> a = CLIENT.sendAsync(req, BodyHandlers.ofString());
            CompletableFuture<java.net.http.HttpResponse<String>> b = CLIENT.sendAsync(req, BodyHandlers.ofString());
            assertEquals("together", a.get(15, TimeUnit.SECONDS).body(),
                    "two requests should be inside the servlet at the same time (one thread per connection from a pool)");
            assertEquals("together", b.get(15, TimeUnit.SECONDS).body(), "second request");
        }
    }

    @Test
    @Points(3)
    @DisplayName("shutdown waits for the request in flight: it is answered completely, then destroy() runs")
    void test07_shutdownDrainsRequestsInFlight() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger destroyed = new AtomicInteger();
        Dispatcher d = new Dispatcher().map("/work", new HttpServlet() {
            @Override
            protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                response.getWriter().print("done");
            }

            @Override
            public void destroy() {
                destroyed.incrementAndGet();
            }
        });
        TestServer server = new TestServer(d);
        try (RawHttp c = server.connect()) {
            c.send(RawHttp.get("/work"));
            assertTrue(inside.await(5, TimeUnit.SECONDS), "the request should reach the servlet");
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
            Waits.await("the server to stop accepting new connections").until(() -> {
                try (RawHttp probe = server.connect()) {
                    return false;
                } catch (IOException refused) {
                    return true;
                }
            });
            assertFalse(closing.isDone(), "close() returned while a request was still being served");
            assertEquals(0, destroyed.get(), "destroy() ran while a request was still being served");
            release.countDown();
            RawHttp.Response r = c.read();
            assertEquals("done", r.text(), "the request in flight must be answered completely");
            closing.get(10, TimeUnit.SECONDS);
            assertEquals(1, destroyed.get(), "destroy() once, after the last request");
        } finally {
            release.countDown();
            server.close();
        }
    }
    @Test
    @Points(3)
    @DisplayName("slow readers: clients that ask for a big answer and never read it cannot take every worker for good")
    void test08_slowReadersDoNotBlockTheServer() throws Exception {
        byte[] big = new byte[8 * 1024 * 1024];   // more than a socket's send and receive buffers hold
        Dispatcher d = app().map("/big", new HttpServlet() {
            @Override
            protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
                response.setContentType("application/octet-stream");
                response.getOutputStream().write(big);
            }
        });
        Limits limits = Limits.defaults().withWriteTimeout(Duration.ofSeconds(1));
        List<Socket> slowReaders = new ArrayList<>();
        try (TestServer server = new TestServer(d, 2, limits)) {
            // 2 workers: 2 slow readers hold them, a third waits in line for a worker
            for (int i = 0; i < 3; i++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(4096);
                slowReaders.add(s);
                s.connect(new InetSocketAddress(Loopback.ADDRESS, server.port), 5000);
                s.getOutputStream().write(RawHttp.get("/big").getBytes(StandardCharsets.ISO_8859_1));
            }
            Waits.await("the server to accept the 3 slow readers").until(() -> server.server.connectionsAccepted() == 3);
            long start = System.nanoTime();
            try (RawHttp c = server.connect()) {
                c.socket().setSoTimeout(15_000);   // a server without a write timeout never answers
                RawHttp.Response r;
                try {
                    r = c.send(RawHttp.get("/echo/normal")).read();
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("3 clients asked for 8 MB and read nothing; a normal GET then got no answer"
                            + " within 15 s, though the write timeout is 1 s: a write that makes no progress must"
                            + " close its connection and free the worker");
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertEquals("/echo/normal", r.text(), "the normal client's answer, " + ms + " ms after it asked");
            }
        } finally {
            for (Socket s : slowReaders) {
                s.close();
            }
        }
    }
}
