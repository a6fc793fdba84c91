package wirelab.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import wirelab.testkit.Points;
import wirelab.testkit.Waits;

/** Hidden, task 3: dead listeners, unsubscribing, order. */
@ExtendWith(RmiCleanup.class)
@TestMethodOrder(MethodOrderer.MethodName.class)
@DisplayName("Task 3 (more): dead listeners, unsubscribe, order")
class HiddenCallbacksTest {

    private InfoServer server;
    private InfoClient watcher;
    private InfoClient writer;

    @AfterEach
    void tearDown() {
        TestServers.closeAll(watcher, writer, server);
    }

    @Test
    @Points(2)
    @DisplayName("a listener whose client has gone is dropped; the others still hear every change")
    void test01_deadListenerIsDropped() throws Exception {
        server = TestServers.start();
        watcher = TestServers.connect(server);
        writer = TestServers.connect(server);
        List<String> heard = new CopyOnWriteArrayList<>();
        InfoListener gone = watcher.subscribe((key, value) -> { });
        watcher.subscribe((key, value) -> heard.add(key));
        TestServers.unexport(gone);   // its client vanished without unsubscribing

        writer.bind("a", "1");
        writer.bind("b", "2");
        Waits.await("the live listener to hear both binds").until(() -> heard.size() >= 2);
        // the order is test03's: here only that the live listener hears every change
        assertEquals(List.of("a", "b"), heard.stream().sorted().toList(), "the live listener should hear every change");
        Waits.await("the server to drop the dead listener", Duration.ofSeconds(5))
                .until(() -> server.store().listenerCount() == 1);
    }

    @Test
    @Points(1)
    @DisplayName("after unsubscribe a listener hears nothing more")
    void test02_unsubscribeStopsCallbacks() throws Exception {
        server = TestServers.start();
        watcher = TestServers.connect(server);
        writer = TestServers.connect(server);
        List<String> heard = new CopyOnWriteArrayList<>();
        List<String> control = new CopyOnWriteArrayList<>();
        InfoListener listener = watcher.subscribe((key, value) -> heard.add(key));
        watcher.subscribe((key, value) -> control.add(key));

        writer.bind("before", "1");
        Waits.await("both listeners to hear the first bind").until(() -> heard.size() == 1 && control.size() == 1);
        watcher.unsubscribe(listener);
        writer.bind("after", "2");
        Waits.await("the other listener to hear the second bind").until(() -> control.size() == 2);
        assertEquals(List.of("before"), heard, "an unsubscribed listener should not hear later changes");
        assertEquals(1, server.store().listenerCount(), "the store should keep only the subscribed listener");
    }

    @Test
    @Points(1)
    @DisplayName("one client's 50 binds of a key reach a listener in the order they were made")
    void test03_changesArriveInOrder() throws Exception {
        String sideBySide = OneAtATime.problem();
        if (sideBySide != null) {
            throw new AssertionError(sideBySide);
        }
        server = TestServers.start();
        watcher = TestServers.connect(server);
        writer = TestServers.connect(server);
        List<Long> versions = new CopyOnWriteArrayList<>();
        watcher.subscribe((key, value) -> versions.add(value.version()));

        for (int i = 0; i < 50; i++) {
            writer.bind("k", "v" + i);
        }
        Waits.await("the listener to hear 50 binds").until(() -> versions.size() >= 50);
        assertEquals(LongStream.rangeClosed(1, 50).boxed().toList(), new ArrayList<>(versions),
                "one client's binds, made one after another, should reach a listener in the same order");
    }

    @Test
    @Points(2)
    @DisplayName("the server's thread that calls a stuck listener is a daemon: a hung client never keeps the server's JVM alive")
    void test04_callbackThreadsAreDaemons() throws Exception {
        server = TestServers.start();
        writer = TestServers.connect(server);
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        InfoListener stuck = (key, value) -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        InfoService service = (InfoService) java.rmi.registry.LocateRegistry
                .getRegistry(TestServers.HOST, server.port()).lookup(InfoService.NAME);
        service.addListener(TestServers.export(stuck, InfoListener.class));
        try {
            java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    writer.bind("weather/paris", "sunny");
                } catch (InfoUnavailableException e) {
                    throw new IllegalStateException(e);
                }
            });
            Waits.await("the server to call the listener about the bind").until(() -> entered.getCount() == 0);
            List<Thread> callers = callersOfAListener();
            assertEquals(false, callers.isEmpty(), "found no thread calling the listener's stub");
            for (Thread caller : callers) {
                assertEquals(true, caller.isDaemon(), "the thread \"" + caller.getName() + "\" calls a listener whose"
                        + " client hangs, and it is not a daemon: it would keep the server's JVM alive after close()"
                        + " for as long as that client hangs. Make the callback threads daemons (a ThreadFactory"
                        + " that calls setDaemon(true), like the given Callbacks.daemon)");
            }
        } finally {
            release.countDown();
        }
    }

    @Test
    @Points(1)
    @DisplayName("removing a listener, dropping one whose call failed, or closing the server, ends the thread that called it")
    void test05_callbackThreadsEndWithTheirListener() throws Exception {
        server = TestServers.start();
        InfoStore store = server.store();
        {
            java.util.Set<Thread> removedCallers = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.Set<Thread> failedCallers = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.Set<Thread> closedCallers = java.util.concurrent.ConcurrentHashMap.newKeySet();
            InfoListener removed = (key, value) -> removedCallers.add(Thread.currentThread());
            InfoListener failing = (key, value) -> {
                failedCallers.add(Thread.currentThread());
                throw new java.rmi.RemoteException("the listener's client has gone");
            };
            InfoListener kept = (key, value) -> closedCallers.add(Thread.currentThread());
            store.addListener(removed);
            store.addListener(failing);
            store.addListener(kept);
            store.bind("k", new Info("v"));
            Waits.await("the three listeners to hear the bind")
                    .until(() -> !removedCallers.isEmpty() && !failedCallers.isEmpty() && !closedCallers.isEmpty());

            Waits.await("the store to drop the listener whose call failed").until(() -> store.listenerCount() == 2);
            System.gc();   // an unreachable executor shuts itself down when collected: same verdict whenever GC runs
            Waits.await("the thread that called the listener whose call failed (" + failedCallers + ") to end once"
                    + " the store dropped it: dropping a listener should stop its lane, as removeListener does")
                    .until(() -> failedCallers.stream().noneMatch(Thread::isAlive));

            store.removeListener(removed);
            store.removeListener(removed);   // a client that retries its unsubscribe: harmless
            System.gc();   // an unreachable executor shuts itself down when collected: same verdict whenever GC runs
            Waits.await("the thread that called the removed listener (" + removedCallers + ") to end after"
                    + " removeListener: stop the listener's lane (shutdownNow), or its thread lives on")
                    .until(() -> removedCallers.stream().noneMatch(Thread::isAlive));
            server.close();
            System.gc();
            Waits.await("the thread that called the other listener (" + closedCallers + ") to end after the server's"
                    + " close(): it should stop the store's callbacks (store.close()), every lane")
                    .until(() -> closedCallers.stream().noneMatch(Thread::isAlive));
        }
    }

    @Test
    @Points(1)
    @DisplayName("a subscribe that fails because the server has gone leaves the listener unexported")
    void test06_failedSubscribeLeavesNothingExported() throws Exception {
        String dirty = RmiCleanup.leftover();
        if (dirty != null) {
            throw new AssertionError("this test cannot judge subscribe: " + dirty + ". Fix the test that failed before this one first.");
        }
        server = TestServers.start();
        watcher = TestServers.connect(server);
        server.close();
        assertThrows(InfoUnavailableException.class, () -> watcher.subscribe((key, value) -> { }),
                "subscribe after the server closed should throw InfoUnavailableException");
        Waits.await("the RMI runtime's non-daemon threads to end after a failed subscribe (before the client closes):"
                        + " subscribe exported the listener, then addListener failed; it should unexport it again",
                        Duration.ofSeconds(5))
                .until(TestServers::nonDaemonRmiThreads, List::isEmpty);
    }

    /** The threads inside a call to an InfoListener stub (the server's side of a callback). */
    private static List<Thread> callersOfAListener() {
        List<Thread> callers = new ArrayList<>();
        Thread.getAllStackTraces().forEach((thread, frames) -> {
            for (StackTraceElement frame : frames) {
                String type = frame.getClassName();
                if (frame.getMethodName().equals("changed") && (type.contains("$Proxy") || type.startsWith("jdk.proxy"))) {
                    callers.add(thread);
                    return;
                }
            }
        });
        return callers;
    }
}
