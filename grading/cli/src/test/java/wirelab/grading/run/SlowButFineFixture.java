package wirelab.grading.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import wirelab.testkit.Points;
import wirelab.testkit.Waits;

/**
 * Not a test of ours: tests that are slow but always finish, which StuckTest runs in a forked JVM
 * with a short stuck window; every one must pass.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class SlowButFineFixture {

    /** How long each test keeps at it: longer than the watch's first look plus the window StuckTest uses. */
    static final long SLOW_MILLIS = 3_500;

    static volatile long sink;

    @Test
    @Points(1)
    void fine1_sleepsInALoop() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SLOW_MILLIS);
        while (System.nanoTime() < end) {
            Thread.sleep(50);
        }
    }

    @Test
    @Points(1)
    void fine2_untimedJoinOnABusyWorker() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SLOW_MILLIS);
        Thread worker = new Thread(() -> {
            StringBuilder sb = new StringBuilder();
            long n = 0;
            while (System.nanoTime() < end) {
                sb.setLength(0);
                sb.append(n++).append(Long.toHexString(n * 31)).reverse();
                sink += sb.toString().hashCode();
            }
        }, "busy-worker");
        worker.start();
        worker.join();   // untimed: the worker's moving stack is the progress
    }

    @Test
    @Points(1)
    void fine3_serverWaitsInAcceptForAnotherProgram() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Process client = new ProcessBuilder("bash", "-c", "sleep " + SLOW_MILLIS / 1000.0
                    + " && exec 3<>/dev/tcp/127.0.0.1/" + server.getLocalPort()).start();
            CountDownLatch accepted = new CountDownLatch(1);
            Thread acceptor = new Thread(() -> {
                try (Socket s = server.accept()) {   // untimed accept: I/O is progress
                    accepted.countDown();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, "acceptor");
            acceptor.start();
            accepted.await();   // untimed
            assertEquals(0, client.waitFor());
        }
    }

    @Test
    @Points(1)
    void fine4_awaitilityWaitsForATimer() {
        long start = System.nanoTime();
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(SLOW_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }, "timer");
        later.start();
        Waits.await("the timer thread to end", Duration.ofSeconds(20)).until(() -> !later.isAlive());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(SLOW_MILLIS));
    }

    @Test
    @Points(1)
    void fine5_spinsUntilASleeperSetsAFlag() throws InterruptedException {
        AtomicBoolean set = new AtomicBoolean();
        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(SLOW_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            set.set(true);
        }, "sleeper");
        sleeper.start();
        while (!set.get()) {
            Thread.onSpinWait();   // spinning, but a thread in a timed wait may still change it
        }
        sleeper.join();
    }

    @Test
    @Points(1)
    void fine6_readsFromAChildProcess() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "sleep " + SLOW_MILLIS / 1000.0 + "; echo done").start();
        assertEquals("done", new String(p.getInputStream().readAllBytes()).strip());
        assertEquals(0, p.waitFor());
    }

    /** Starts a thread that does the next step and starts the one after, until the time is up. */
    private static void chain(long end, CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        new Thread(() -> chain(end, done), "link").start();
    }

    @Test
    @Points(1)
    void fine7_waitsForAChainOfShortLivedThreads() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        chain(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SLOW_MILLIS), done);
        done.await();   // untimed: each link lives for less than a look, but new ones keep being started
    }

    @Test
    @Points(1)
    void fine8_spinsWhileAChainOfShortLivedThreadsRuns() {
        CountDownLatch done = new CountDownLatch(1);
        chain(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SLOW_MILLIS), done);
        while (done.getCount() > 0) {
            Thread.onSpinWait();   // spinning at one place, but the threads being started do the work
        }
    }

    @Test
    @Points(1)
    void fine9_holdsAConditionBesideAnUntimedWaiter() throws InterruptedException {
        // "the other put() stays waiting": a wait whose condition holds passes time on purpose
        Object full = new Object();
        Thread putter = new Thread(() -> {
            synchronized (full) {
                try {
                    full.wait();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "putter");
        putter.start();
        Waits.await("the putter to wait", Duration.ofSeconds(20)).until(() -> putter.getState() == Thread.State.WAITING);
        Waits.await("the putter to stay waiting", Duration.ofSeconds(20)).during(Duration.ofMillis(SLOW_MILLIS))
                .until(() -> putter.getState() == Thread.State.WAITING);
        putter.interrupt();
        putter.join();
    }
}
