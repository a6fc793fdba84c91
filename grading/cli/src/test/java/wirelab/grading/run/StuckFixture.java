package wirelab.grading.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Points;
import wirelab.testkit.Waits;

/** Not a test of ours: tests that can never finish, which StuckTest runs in a forked JVM with a short stuck window. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class StuckFixture {

    @Test
    @Points(1)
    void stuck1_putThatNeverGoesOn() throws InterruptedException {
        Object full = new Object();
        synchronized (full) {
            full.wait();   // a put() on a buffer that never gets room: nobody will notify
        }
    }

    @Test
    @Points(1)
    void stuck2_deadlockedTransfers() throws InterruptedException {
        Object a = new Object();
        Object b = new Object();
        CountDownLatch both = new CountDownLatch(2);
        Thread one = new Thread(() -> lockBoth(a, b, both), "transfer-a-to-b");
        Thread two = new Thread(() -> lockBoth(b, a, both), "transfer-b-to-a");
        one.start();
        two.start();
        one.join();
        two.join();
    }

    private static void lockBoth(Object first, Object second, CountDownLatch both) {
        synchronized (first) {
            both.countDown();
            try {
                both.await();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (second) {
                both.getCount();
            }
        }
    }

    static volatile long sink;

    @Test
    @Points(1)
    void stuck3_endlessLoop() {
        long n = 0;
        while (n >= 0) {
            n = n | 1;   // ignores interrupts, never returns
        }
        sink = n;
    }

    @Test
    @Points(1)
    void stuck4_poolTaskWaitsForever() throws Exception {
        // idle workers of a cached pool and of the common pool wait with a time limit, but only to end
        ExecutorService idle = Executors.newCachedThreadPool();
        idle.submit(() -> { }).get();
        CompletableFuture.runAsync(() -> { }).join();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch never = new CountDownLatch(1);
        pool.submit(() -> {
            never.await();
            return null;
        }).get();
    }

    @Test
    @Points(1)
    void stuck5_startsThreadsForever() throws InterruptedException {
        // runAll(0) with its loop condition turned round: each thread ends at once, the loop never does
        int n = 0;
        List<Thread> started = new ArrayList<>();
        for (int id = 1; id > n; id++) {
            Thread t = new Thread(() -> sink++, "worker-" + id);
            t.start();
            started.add(t);
        }
        for (Thread t : started) {
            t.join();
        }
    }

    @Test
    @Points(1)
    void stuck6_waitsForAConditionNoThreadCanMakeTrue() {
        // a take() on a buffer nobody will ever fill: the test polls for its item, the taker waits untimed
        Object empty = new Object();
        Object[] item = new Object[1];
        Thread taker = new Thread(() -> {
            synchronized (empty) {
                try {
                    empty.wait();
                } catch (InterruptedException e) {
                    return;
                }
                item[0] = "taken";
            }
        }, "taker");
        taker.setDaemon(true);
        taker.start();
        Waits.await("take() to return an item", Duration.ofSeconds(60)).until(() -> item[0] != null);
    }
}
