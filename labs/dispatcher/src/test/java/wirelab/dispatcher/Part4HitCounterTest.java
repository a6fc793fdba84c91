package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Points;
import wirelab.testkit.Stress;

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
    @DisplayName("4 threads hitting the same path at once, in 0.2 s rounds for 1 s: every hit counted, none lost")
    void test02_noLostHits() {
        // time-boxed rounds, not a fixed count: on a busy machine 50 000 calls per thread fit in one
        // time slice, the threads run one after another and a racy counter passes
        Stress.repeatFor(Duration.ofSeconds(1), round -> {
            HitCounterServlet counter = new HitCounterServlet();
            long calls = Stress.hammerFor(4, Duration.ofMillis(200), () -> counter.hit("/hits/home"));
            long counted = counter.hits("/hits/home");
            assertEquals(calls, counted, () -> String.format("4 threads made %,d hits on /hits/home but %,d were"
                    + " counted (round %d): two threads read the same old count and both wrote count + 1"
                    + " (a read-modify-write race; use a thread-safe map and counter)", calls, counted, round));
        });
    }
}
