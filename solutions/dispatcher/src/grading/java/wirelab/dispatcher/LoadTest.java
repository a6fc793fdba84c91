package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Points;
import wirelab.testkit.StartGate;

/** Hidden: many concurrent clients on loopback; every request answered exactly once, no hit lost. */
@Timeout(60)
class LoadTest {

    static final int CLIENTS = 16;
    static final int REQUESTS_EACH = 40;

    @Test
    @Points(4)
    @DisplayName("16 concurrent clients x 40 requests: each answered exactly once, with its own answer, no hit lost")
    void test01_noRequestLostOrAnsweredTwice() throws Exception {
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        HitCounterServlet hits = new HitCounterServlet();
        Dispatcher d = new Dispatcher().map("/hits/*", hits).map("/id", new HttpServlet() {
            @Override
            protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
                String id = request.getParameter("id");
                seen.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                response.getWriter().print(id);
            }
        });
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (TestServer server = new TestServer(d, CLIENTS + 8, Limits.defaults())) {
            StartGate.run(CLIENTS, Duration.ofSeconds(45), worker -> {
                for (int i = 0; i < REQUESTS_EACH; i++) {
                    String id = worker + "-" + i;
                    var r = client.send(java.net.http.HttpRequest.newBuilder(server.uri("/id?id=" + id))
                            .timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
                    assertEquals(200, r.statusCode(), "status for request " + id);
                    assertEquals(id, r.body(), "request " + id + " got someone else's answer");
                    var h = client.send(java.net.http.HttpRequest.newBuilder(server.uri("/hits/load"))
                            .timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
                    assertEquals(200, h.statusCode(), "status for a hit");
                }
            });
        }
        int total = CLIENTS * REQUESTS_EACH;
        assertEquals(total, seen.size(), "requests that reached the servlet");
        seen.forEach((id, n) -> assertEquals(1, n.get(), "request " + id + " reached the servlet " + n.get() + " times"));
        assertEquals(total, hits.hits("/hits/load"), "hits counted by the hit counter under load");
    }
}
