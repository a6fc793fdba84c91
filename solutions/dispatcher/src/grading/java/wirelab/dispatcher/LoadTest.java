package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpClient;
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
 * Hidden: many concurrent clients on loopback; every request gets its own answer and no hit is lost.
 *
 * <p>HTTP lets a client resend a GET when a kept-alive connection closes before the answer
 * arrives (RFC 9112, 9.3.1), and the JDK's client does so once. So the hit counter is compared
 * with the hits that reached the servlet, not with the hits the test sent.
 */
@Timeout(60)
class LoadTest {

    static final int CLIENTS = 16;
    static final int REQUESTS_EACH = 20;
    /**
     * Bound on each whole exchange: a right answer takes milliseconds, and under the server's 5 s
     * idle timeout, so an answer whose end is only its connection closing fails here, not after 45 s.
     */
    static final int ANSWER_SECONDS = 4;

    @Test
    @Points(4)
    @DisplayName("16 concurrent clients x 20 requests: each answered with its own answer, no hit lost")
    void test01_noRequestLostOrAnsweredTwice() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger hitsArrived = new AtomicInteger();
        HitCounterServlet hits = new HitCounterServlet();
        Servlet countedHits = (request, response) -> {
            hitsArrived.incrementAndGet();
            hits.service(request, response);
        };
        Dispatcher d = new Dispatcher().map("/hits/*", countedHits).map("/id", new HttpServlet() {
            @Override
            protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
                String id = request.getParameter("id");
                seen.add(id);
                response.getWriter().print(id);
            }
        });
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try (TestServer server = new TestServer(d, CLIENTS + 8, Limits.defaults())) {
            StartGate.run(CLIENTS, Duration.ofSeconds(45), worker -> {
                for (int i = 0; i < REQUESTS_EACH; i++) {
                    String id = worker + "-" + i;
                    var r = TestServer.fetch(client, java.net.http.HttpRequest.newBuilder(server.uri("/id?id=" + id))
                            .build(), ANSWER_SECONDS);
                    assertEquals(200, r.statusCode(), "status for request " + id);
                    assertEquals(id, r.body(), "request " + id + " got someone else's answer");
                    var h = TestServer.fetch(client, java.net.http.HttpRequest.newBuilder(server.uri("/hits/load"))
                            .build(), ANSWER_SECONDS);
                    assertEquals(200, h.statusCode(), "status for a hit");
                }
            });
        }
        int total = CLIENTS * REQUESTS_EACH;
        assertEquals(total, seen.size(), "different requests that reached the servlet");
        assertEquals(hitsArrived.get(), hits.hits("/hits/load"),
                "hits counted by the hit counter, against the hits that reached it (" + total + " sent)");
    }
}
