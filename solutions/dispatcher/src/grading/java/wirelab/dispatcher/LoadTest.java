package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Points;
import wirelab.testkit.StartGate;

/**
 * Hidden: many concurrent clients on loopback, each on its own kept-alive connection as HTTP/1.1
 * clients do; every request gets its own answer and no hit is lost.
 *
 * <p>The clients are plain sockets ({@link RawHttp}), not the JDK's HttpClient: they send each
 * request exactly once (HttpClient may resend a GET whose connection closed, RFC 9112, 9.3.1), so
 * the count must equal the requests sent. Real clients have their own tests (curl, Chromium).
 *
 * <p>It counts with its own thread-safe servlet, not the student's {@link HitCounterServlet}: this
 * test grades the server (no request lost or answered twice), and whether 16 clients over loopback
 * happen to collide in a racy counter is luck. The counter's race has its own tests, which catch
 * it every time (Part4HitCounterTest, HiddenHitCounterTest).
 */
@Timeout(60)
class LoadTest {

    static final int CLIENTS = 16;
    static final int REQUESTS_EACH = 20;

    @Test
    @Points(4)
    @DisplayName("16 concurrent clients x 20 requests: each answered with its own answer, none lost or served twice")
    void test01_noRequestLostOrAnsweredTwice() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger counted = new AtomicInteger();
        Dispatcher d = new Dispatcher().map("/count", new HttpServlet() {
            @Override
            protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
                response.getWriter().print(counted.incrementAndGet());
            }
        }).map("/id", new HttpServlet() {
            @Override
            protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
                String id = request.getParameter("id");
                seen.add(id);
                response.getWriter().print(id);
            }
        });
        try (TestServer server = new TestServer(d, CLIENTS + 8, Limits.defaults())) {
            StartGate.run(CLIENTS, Duration.ofSeconds(45), worker -> {
                // each read waits at most 5 s: an answer that never ends fails here, not at the time limit
                try (RawHttp client = server.connect()) {
                    for (int i = 0; i < REQUESTS_EACH; i++) {
                        String id = worker + "-" + i;
                        RawHttp.Response r = client.send(RawHttp.get("/id?id=" + id)).read();
                        assertEquals(200, r.status(), "status for request " + id);
                        assertEquals(id, r.text(), "request " + id + " got someone else's answer");
                        RawHttp.Response h = client.send(RawHttp.get("/count")).read();
                        assertEquals(200, h.status(), "status for GET /count");
                    }
                }
            });
        }
        int total = CLIENTS * REQUESTS_EACH;
        assertEquals(total, seen.size(), "different requests that reached the servlet");
        assertEquals(total, counted.get(), "GET /count requests that reached the servlet, against those sent");
    }
}
