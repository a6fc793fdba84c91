package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Points;
import wirelab.testkit.StartGate;

/**
 * Task 4, the hit counter: shared state in a servlet that many worker threads call at once.
 * Run: {@code ./mvnw -q test -Dtest=Part4HitCounterTest}
 */
@Timeout(30)
@TestMethodOrder(MethodOrderer.MethodName.class)
class Part4HitCounterTest {

    @Test
    @Points(1)
    @DisplayName("one client: GET /hits/home answers 1, 2, 3 and other paths count separately")
    void test01_countsHits() throws Exception {
        HitCounterServlet counter = new HitCounterServlet();
        for (int i = 1; i <= 3; i++) {
            HttpResponse r = Part2ServletTest.call(counter, "GET /hits/home HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(String.valueOf(i), Part2ServletTest.body(r), "hit number " + i + " on /hits/home");
        }
        assertEquals(1, counter.hit("/hits/other"), "first hit on another path");
        assertEquals(3, counter.hits("/hits/home"), "hits on /hits/home");
    }

    @Test
    @Points(4)
    @DisplayName("4 threads x 50 000 hits on the same path: exactly 200 000 counted, none lost")
    void test02_noLostHits() {
        HitCounterServlet counter = new HitCounterServlet();
        int threads = 4;
        int hits = 50_000;
        StartGate.run(threads, Duration.ofSeconds(20), worker -> {
            for (int i = 0; i < hits; i++) {
                counter.hit("/hits/home");
            }
        });
        assertEquals((long) threads * hits, counter.hits("/hits/home"),
                "hits lost: two threads read the same old count and both wrote count + 1 "
                        + "(a read-modify-write race; use a thread-safe map and counter)");
    }
}
