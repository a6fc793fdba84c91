package wirelab.grading.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import wirelab.testkit.Waits;

class SharedLanesTest {

    @Test
    @DisplayName("Freed shares go to the lab with the most work left; a large request is not overtaken by small ones")
    void mostWorkLeftFirst() throws InterruptedException {
        SharedLanes lanes = new SharedLanes(1);   // 12 shares
        assertEquals(12, lanes.take(12, 1).shares());      // the cores are taken
        List<String> order = new CopyOnWriteArrayList<>();
        Thread small = waiter(lanes, 3, 10, "small, little work left", order);
        Waits.await("the first waiter to queue", Duration.ofSeconds(10)).until(() -> small.getState() == Thread.State.WAITING);
        Thread big = waiter(lanes, 12, 100, "large, most work left", order);
        Waits.await("the second waiter to queue", Duration.ofSeconds(10)).until(() -> big.getState() == Thread.State.WAITING);

        lanes.release(new SharedLanes.Held(6, false));   // enough for the small one, but the large one is first in line
        Waits.await("no one to get shares while the large one waits for them", Duration.ofSeconds(5))
                .during(Duration.ofMillis(300)).until(order::isEmpty);
        lanes.release(new SharedLanes.Held(6, false));
        Waits.await("the large request to get the cores", Duration.ofSeconds(10)).until(() -> order.size() == 1);
        assertEquals("large, most work left", order.get(0));
        lanes.release(new SharedLanes.Held(12, false));
        small.join(10_000);
        big.join(10_000);
        assertEquals(List.of("large, most work left", "small, little work left"), order);
        assertEquals(9, lanes.free(), "what the small one holds is still out");
    }

    private static Thread waiter(SharedLanes lanes, int shares, double work, String name, List<String> order) {
        Thread t = new Thread(() -> {
            try {
                lanes.take(shares, work);
                order.add(name);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
