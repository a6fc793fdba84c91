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
        assertEquals(12, lanes.take(null, 1, 12, 1).shares());      // the cores are taken
        List<String> order = new CopyOnWriteArrayList<>();
        Thread small = waiter(lanes, null, 99, 3, 10, "small, little work left", order);
        Waits.await("the first waiter to queue", Duration.ofSeconds(10)).until(() -> small.getState() == Thread.State.WAITING);
        Thread big = waiter(lanes, null, 99, 12, 100, "large, most work left", order);
        Waits.await("the second waiter to queue", Duration.ofSeconds(10)).until(() -> big.getState() == Thread.State.WAITING);

        lanes.release(new SharedLanes.Held(null, 6, false));   // enough for the small one, but the large one is first in line
        Waits.await("no one to get shares while the large one waits for them", Duration.ofSeconds(5))
                .during(Duration.ofMillis(300)).until(order::isEmpty);
        lanes.release(new SharedLanes.Held(null, 6, false));
        Waits.await("the large request to get the cores", Duration.ofSeconds(10)).until(() -> order.size() == 1);
        assertEquals("large, most work left", order.get(0));
        lanes.release(new SharedLanes.Held(null, 12, false));
        small.join(10_000);
        big.join(10_000);
        assertEquals(List.of("large, most work left", "small, little work left"), order);
        assertEquals(9, lanes.free(), "what the small one holds is still out");
    }

    @Test
    @DisplayName("A lab running on all its own lanes does not take freed shares from another lab, however much work it has left")
    void ownLanesFirst() throws InterruptedException {
        SharedLanes lanes = new SharedLanes(1);   // 12 shares
        Object big = "threads";
        Object small = "sockets";
        SharedLanes.Held first = lanes.take(big, 1, 6, 100);    // the big lab's one lane is in use
        SharedLanes.Held other = lanes.take(small, 2, 6, 1);    // the cores are taken
        List<String> order = new CopyOnWriteArrayList<>();
        Thread extra = waiter(lanes, big, 1, 6, 100, "big lab, beyond its lane", order);
        Waits.await("the big lab's second submission to queue", Duration.ofSeconds(10)).until(() -> extra.getState() == Thread.State.WAITING);
        Thread next = waiter(lanes, small, 2, 6, 1, "small lab, within its lanes", order);
        Waits.await("the small lab's submission to queue", Duration.ofSeconds(10)).until(() -> next.getState() == Thread.State.WAITING);

        lanes.release(other);
        Waits.await("the small lab to get the freed shares", Duration.ofSeconds(10)).until(() -> order.size() == 1);
        assertEquals("small lab, within its lanes", order.get(0));
        lanes.release(first);
        extra.join(10_000);
        assertEquals(List.of("small lab, within its lanes", "big lab, beyond its lane"), order);
    }

    @Test
    @DisplayName("A lab with nothing running gets freed shares before the lab with the most work left")
    void labWithNothingRunningFirst() throws InterruptedException {
        SharedLanes lanes = new SharedLanes(1);   // 12 shares
        Object big = "threads";
        Object small = "sockets";
        SharedLanes.Held running = lanes.take(big, 3, 6, 100);       // the big lab runs one
        SharedLanes.Held other = lanes.take("rmi", 3, 6, 50);        // the cores are taken
        List<String> order = new CopyOnWriteArrayList<>();
        Thread more = waiter(lanes, big, 3, 6, 100, "big lab, second submission", order);
        Waits.await("the big lab's second submission to queue", Duration.ofSeconds(10)).until(() -> more.getState() == Thread.State.WAITING);
        Thread slow = waiter(lanes, small, 3, 6, 1, "small lab, its slowest sample", order);
        Waits.await("the small lab's first submission to queue", Duration.ofSeconds(10)).until(() -> slow.getState() == Thread.State.WAITING);

        lanes.release(other);   // room for one of them
        Waits.await("one of them to get the freed shares", Duration.ofSeconds(10)).until(() -> order.size() == 1);
        assertEquals("small lab, its slowest sample", order.get(0));
        lanes.release(running);
        more.join(10_000);
        assertEquals(2, order.size());
    }

    private static Thread waiter(SharedLanes lanes, Object lab, int labLanes, int shares, double work, String name,
            List<String> order) {
        Thread t = new Thread(() -> {
            try {
                lanes.take(lab, labLanes, shares, work);
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
