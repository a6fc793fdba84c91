package wirelab.sockets.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.sockets.Net;
import wirelab.testkit.Loopback;
import wirelab.testkit.OpenFiles;
import wirelab.testkit.Points;
import wirelab.testkit.StartGate;

/** Hidden: robustness of the TCP echo servers and client. */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HiddenTcpTest {

    /** Sends half a message, then resets the connection (RST instead of a polite FIN). */
    static void vanishMidMessage(int port) throws Exception {
        Socket rude = Net.connect(port);
        rude.getOutputStream().write(new byte[5000]);
        rude.setSoLinger(true, 0);
        rude.close();
    }

    @Test
    @Points(2)
    @DisplayName("1.2 a client that vanishes mid-message (connection reset) does not stop the server")
    void test01_survivesAClientThatVanishes() throws Exception {
        try (EchoServer server = new ThreadPerConnectionEchoServer(0)) {
            for (int i = 0; i < 5; i++) {
                vanishMidMessage(server.port());
            }
            try (Socket polite = Net.connect(server.port())) {
                Net.send(polite, "still there?");
                assertEquals("still there?", Net.readExactly(polite, 12, "the echo after 5 rude clients"));
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("1.3 the pooled server frees its worker when a client vanishes mid-message")
    void test02_poolSurvivesAClientThatVanishes() throws Exception {
        try (EchoServer server = new PooledEchoServer(0, 1)) {
            for (int i = 0; i < 3; i++) {
                vanishMidMessage(server.port());
            }
            try (Socket polite = Net.connect(server.port())) {
                Net.send(polite, "ok");
                assertEquals("ok", Net.readExactly(polite, 2,
                        "the echo from the only worker, after 3 clients reset their connections"));
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("1.2 30 clients at once, 20 KB each, each get exactly their own bytes back")
    void test03_manyClientsAtOnce() throws Exception {
        try (EchoServer server = new ThreadPerConnectionEchoServer(0)) {
            StartGate.run(30, worker -> {
                byte[] data = new byte[20_000];
                new Random(worker).nextBytes(data);
                try (Socket s = Net.connect(server.port())) {
                    Thread writer = new Thread(() -> {
                        try {
                            s.getOutputStream().write(data);
                        } catch (Exception e) {
                            // the read below reports it
                        }
                    });
                    writer.start();
                    assertArrayEquals(data, Net.readExactly(s.getInputStream(), data.length, "client " + worker + "'s echo"),
                            "client " + worker + " got bytes that are not its own");
                    writer.join(5_000);
                }
            });
        }
    }

    @Test
    @Points(2)
    @DisplayName("1.3 20 clients at once on a pool of 4 are all served in turn")
    void test04_poolServesEveryoneInTurn() throws Exception {
        try (EchoServer server = new PooledEchoServer(0, 4)) {
            StartGate.run(20, worker -> {
                try (Socket s = Net.connect(server.port())) {
                    for (int i = 0; i < 5; i++) {
                        String m = "w" + worker + "m" + i;
                        Net.send(s, m);
                        assertEquals(m, Net.readExactly(s, m.length(), "client " + worker + "'s echo " + i));
                    }
                }
            });
        }
    }

    @Test
    @Points(2)
    @DisplayName("1.2 close() right after clients vanish mid-message still leaves no thread behind")
    void test05_closeAfterRudeClientsLeavesNoThread() throws Exception {
        Set<Thread> before = Net.threadsNow();
        EchoServer server = new ThreadPerConnectionEchoServer(0);
        Socket idle = Net.connect(server.port());
        Net.send(idle, "x");
        Net.readExactly(idle, 1, "the echo");
        vanishMidMessage(server.port());
        server.close();
        assertTrue(Net.closedByPeer(idle), "an idle client should see its connection end when the server closes");
        idle.close();
        Net.assertNoThreadLeftBehind(before, "the echo server");
    }

    @Test
    @Points(1)
    @DisplayName("1.4 the client can be used for many echoes, also of 50 KB")
    void test06_clientLargeEcho() throws Exception {
        try (EchoServer server = new ThreadPerConnectionEchoServer(0);
             EchoClient client = EchoClient.connect("127.0.0.1", server.port(), Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            String big = "0123456789".repeat(5_000);
            assertEquals(big, client.echo(big));
            for (int i = 0; i < 20; i++) {
                assertEquals("n" + i, client.echo("n" + i));
            }
        }
    }

    /** How long close() may take with clients connected: closing sockets and joining threads that then end takes milliseconds. */
    static final long PROMPT_CLOSE_MILLIS = 2_000;

    /** Connects {@code n} clients, each sending one byte (the first {@code served} of them get their echo). */
    static List<Socket> connectClients(EchoServer server, int n, int served) throws Exception {
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Socket s = Net.connect(server.port());
            clients.add(s);
            Net.send(s, "z");
        }
        for (int i = 0; i < served; i++) {
            Net.readExactly(clients.get(i), 1, "client " + i + "'s echo");
        }
        return clients;
    }

    /** Closes the server, timing it; then the clients; then checks that every socket of the server is closed. */
    static void assertPromptCleanClose(EchoServer server, List<Socket> clients, OpenFiles.Snapshot before, String what)
            throws Exception {
        long start = System.nanoTime();
        server.close();
        long millis = (System.nanoTime() - start) / 1_000_000;
        for (int i = 0; i < clients.size(); i++) {
            assertTrue(Net.closedByPeer(clients.get(i)), "client " + i + " should see its connection end on close()");
            clients.get(i).close();
        }
        assertTrue(millis < PROMPT_CLOSE_MILLIS, what + ".close() took " + millis + " ms with " + clients.size()
                + " clients connected; it should close the client sockets first (that wakes every thread blocked"
                + " in read()) and only then wait for the threads, which then end at once: at most "
                + PROMPT_CLOSE_MILLIS + " ms");
        OpenFiles.assertClosedSince(before, what);
    }

    @Test
    @Points(2)
    @DisplayName("1.2 close() with 3 clients connected returns promptly (under 2 s) and closes every socket")
    void test07_closeIsPromptAndClosesEverySocket() throws Exception {
        OpenFiles.Snapshot before = OpenFiles.now();
        EchoServer server = new ThreadPerConnectionEchoServer(0);
        assertPromptCleanClose(server, connectClients(server, 3, 3), before, "the thread-per-connection server");
    }

    @Test
    @Points(2)
    @DisplayName("1.3 the pooled server's close() with busy workers and queued clients returns promptly and closes every socket")
    void test08_poolCloseIsPromptAndClosesEverySocket() throws Exception {
        OpenFiles.Snapshot before = OpenFiles.now();
        EchoServer server = new PooledEchoServer(0, 2);
        assertPromptCleanClose(server, connectClients(server, 4, 2), before, "the pooled server");
    }

    @Test
    @Points(1)
    @DisplayName("1.3 close() called by an interrupted thread returns at once and leaves the thread's interrupt status set")
    void test09_closeKeepsTheInterruptStatus() throws Exception {
        for (int round = 1; round <= 4; round++) {
            EchoServer server = new PooledEchoServer(0, 2);
            // 2 clients served and 10 queued: the pool still has work when close() starts waiting for it
            List<Socket> clients = connectClients(server, 12, 2);
            boolean stillInterrupted = closedByAnInterruptedThread(server, clients);
            assertTrue(stillInterrupted, "close() was called by a thread whose interrupt status was set (round " + round
                    + " of 4); waiting for the pool (awaitTermination) or a thread (join) then throws"
                    + " InterruptedException, and catching it clears the status: call"
                    + " Thread.currentThread().interrupt() in the catch, so the caller still knows it was asked to stop");
        }
    }

    /**
     * Closes {@code server} from a thread whose interrupt status is set, as if whoever runs close()
     * was asked to stop, then its clients; returns whether the status was still set (and clears it,
     * for the rest of the test).
     */
    private static boolean closedByAnInterruptedThread(EchoServer server, List<Socket> clients) throws Exception {
        Thread.currentThread().interrupt();
        boolean stillInterrupted;
        try {
            server.close();
        } finally {
            stillInterrupted = Thread.interrupted();
            for (Socket c : clients) {
                c.close();
            }
        }
        return stillInterrupted;
    }

    /** Where a server's thread waits for its sockets: in accept() for the next client, or serving one in Echo.serve(). */
    private static boolean isServerWork(StackTraceElement frame) {
        return frame.getClassName().equals("java.net.ServerSocket") && frame.getMethodName().equals("accept")
                || frame.getClassName().equals(Echo.class.getName()) && frame.getMethodName().equals("serve");
    }

    /** The frame of {@code stack} that shows the thread still at the server's work, or null. */
    private static StackTraceElement serverWork(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (isServerWork(frame)) {
                return frame;
            }
        }
        return null;
    }

    /** Ended, waiting in accept() or Echo.serve(), or an idle pool worker outside the lab's code: nothing left to start. */
    private static boolean settled(Thread t) {
        StackTraceElement[] stack = t.getStackTrace();
        if (!t.isAlive()) {
            return true;
        }
        if (stack.length == 0) {
            return false; // started, not yet running
        }
        return serverWork(stack) != null
                || java.util.Arrays.stream(stack).noneMatch(f -> f.getClassName().startsWith("wirelab.sockets."));
    }

    /**
     * Starts a server, connects {@code clients} clients (each gets one echo), lets its threads settle
     * (the acceptor back in accept()), closes the server and, the moment close() returns, looks at the
     * server's threads: the acceptor still alive, or any thread still inside accept() or Echo.serve(),
     * means close() returned without waiting for it. A thread close() waited for has ended (join), or
     * is past the lab's code (awaitTermination for a pool), every time; one it did not wait for is
     * still waking up from its closed socket, so a few rounds show it.
     */
    static void assertCloseWaitsForItsThreads(java.util.function.Supplier<EchoServer> start, String what)
            throws Exception {
        int rounds = 64; // a round takes milliseconds; a thread close() did not wait for shows in about every other one
        for (int round = 1; round <= rounds; round++) {
            int clients = round % 4 == 0 ? 0 : 1; // no client: only the acceptor to wait for; one client: its thread too
            Set<Thread> before = Net.threadsNow();
            EchoServer server = start.get();
            List<Socket> connected = new ArrayList<>();
            try {
                for (int i = 0; i < clients; i++) {
                    Socket s = Net.connect(server.port());
                    connected.add(s);
                    Net.send(s, "w");
                    Net.readExactly(s, 1, "client " + i + "'s echo");
                }
                Set<Thread> threads = Net.newThreads(before);
                long settleBy = System.nanoTime() + 1_000_000_000L; // bounded: settling only sharpens the check
                while (!threads.stream().allMatch(HiddenTcpTest::settled) && System.nanoTime() < settleBy) {
                    Thread.sleep(1);
                }
                String acceptorName = "acceptor-" + server.port(); // the name the constructor gives it
                server.close();
                Thread acceptorAlive = threads.stream() // at once: before the threads can run on
                        .filter(t -> t.getName().endsWith(acceptorName) && t.isAlive()).findFirst().orElse(null);
                java.util.Map<Thread, StackTraceElement[]> stacks = new java.util.HashMap<>();
                for (Thread t : threads) {
                    stacks.put(t, t.getStackTrace());
                }
                String still = acceptorAlive != null ? "'" + acceptorAlive.getName() + "' was still running" : null;
                for (java.util.Map.Entry<Thread, StackTraceElement[]> e : stacks.entrySet()) {
                    StackTraceElement frame = serverWork(e.getValue());
                    if (still == null && frame != null) {
                        still = "'" + e.getKey().getName() + "' was still in "
                                + frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "."
                                + frame.getMethodName() + "()";
                    }
                }
                if (still != null) {
                    org.junit.jupiter.api.Assertions.fail(what + ".close() returned while its thread " + still
                            + " (round " + round + " of " + rounds + ", " + clients + " client(s) connected): close()"
                            + " should return only once every thread the server started has ended: join the acceptor"
                            + " and each client's thread (or shut the pool down and awaitTermination), after closing"
                            + " the sockets that wake them");
                }
            } finally {
                for (Socket s : connected) {
                    s.close();
                }
            }
        }
    }

    @Test
    @Points(1)
    @DisplayName("1.2 close() returns only after the acceptor and every client's thread have ended (it joins them)")
    void test10_closeWaitsForItsThreads() throws Exception {
        assertCloseWaitsForItsThreads(() -> new ThreadPerConnectionEchoServer(0), "the thread-per-connection server");
    }

    @Test
    @Points(1)
    @DisplayName("1.3 the pooled server's close() returns only after the acceptor and the pool's workers have ended")
    void test11_poolCloseWaitsForItsThreads() throws Exception {
        assertCloseWaitsForItsThreads(() -> new PooledEchoServer(0, 2), "the pooled server");
    }

    @Test
    @Points(1)
    @DisplayName("1.1 Echo.serve echoes, then returns without an exception and closes the socket when the client ends its stream")
    void test12_serveEndsQuietlyAtEndOfStream() throws Exception {
        try (ServerSocket listener = Loopback.serverSocket(); Socket client = Net.connect(listener.getLocalPort());
             Socket accepted = listener.accept()) {
            client.getOutputStream().write(Net.utf8("bye"));
            client.shutdownOutput(); // the client's end of stream: read() on the server's side returns -1 after "bye"
            assertDoesNotThrow(() -> Echo.serve(accepted), "Echo.serve threw an exception when the client ended its"
                    + " stream: once read() returns -1 there is nothing left to echo; stop, close the socket and return"
                    + " (never write() with the -1 as a length)");
            assertEquals("bye", Net.readExactly(client, 3, "the echo before the end of stream"));
            assertTrue(accepted.isClosed(), "Echo.serve returned but left the client's socket open: close it when the client is done");
        }
    }
    @Test
    @Points(1)
    @DisplayName("1.2 and 1.3 once clients have left, the servers keep none of their sockets or threads (a server that runs for weeks would fill its memory)")
    void test13_serversForgetClientsThatLeft() throws Exception {
        assertForgetsClientsThatLeft(new ThreadPerConnectionEchoServer(0), "the thread-per-connection server", false);
        assertForgetsClientsThatLeft(new PooledEchoServer(0, 2), "the pooled server", false);
    }

    /**
     * 10 clients come, get an echo and leave (close, or reset when {@code reset}); then none of the
     * server's collections may hold a closed socket or an ended thread.
     */
    private static void assertForgetsClientsThatLeft(EchoServer server, String what, boolean reset) throws Exception {
        String left = reset ? "reset their connections" : "closed their connections";
        try (server) {
            for (int i = 0; i < 10; i++) {
                try (Socket s = Net.connect(server.port())) {
                    Net.send(s, "x");
                    Net.readExactly(s, 1, "client " + i + "'s echo");
                    if (reset) {
                        s.setSoLinger(true, 0); // close() now sends a reset (RST) instead of a polite end (FIN)
                    }
                }
            }
            String[] kept = {null};
            try {
                wirelab.testkit.Waits.await(what + " to forget the 10 clients that left", Duration.ofSeconds(5))
                        .until(() -> (kept[0] = leftovers(server)) == null);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                org.junit.jupiter.api.Assertions.fail(what + " still keeps " + kept[0] + " 5 s after its 10 clients"
                        + " " + left + ": when a client's handler ends, whichever way the client left, remove its socket"
                        + " (and thread) from the server's collections, or a server that runs for weeks fills its memory"
                        + " with clients long gone");
            }
        }
    }

    /** What the server's collections still hold of clients that are gone (closed sockets, ended threads), or null. */
    private static String leftovers(Object server) throws IllegalAccessException {
        for (java.lang.reflect.Field f : server.getClass().getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            Object value = f.get(server);
            List<Object> items = new ArrayList<>();
            try {
                if (value instanceof java.util.Collection<?> c) {
                    items.addAll(java.util.Arrays.asList(c.toArray()));
                } else if (value instanceof java.util.Map<?, ?> m) {
                    items.addAll(java.util.Arrays.asList(m.keySet().toArray()));
                    items.addAll(java.util.Arrays.asList(m.values().toArray()));
                }
            } catch (java.util.ConcurrentModificationException e) {
                return "a collection that is still changing ('" + f.getName() + "')";
            }
            long sockets = items.stream().filter(o -> o instanceof Socket s && s.isClosed()).count();
            long threads = items.stream().filter(o -> o instanceof Thread t && !t.isAlive()).count();
            if (sockets + threads > 0) {
                return sockets + " closed socket(s) and " + threads + " ended thread(s) in its field '" + f.getName() + "'";
            }
        }
        return null;
    }

    @Test
    @Points(1)
    @DisplayName("1.2 and 1.3 clients that reset their connection are forgotten too: no socket or thread of theirs is kept")
    void test14_serversForgetClientsThatReset() throws Exception {
        assertForgetsClientsThatLeft(new ThreadPerConnectionEchoServer(0), "the thread-per-connection server", true);
        assertForgetsClientsThatLeft(new PooledEchoServer(0, 2), "the pooled server", true);
    }

    @Test
    @Points(1)
    @DisplayName("1.1 Echo.serve returns without an exception and closes the socket when the client resets the connection")
    void test15_serveEndsQuietlyOnAReset() throws Exception {
        try (ServerSocket listener = Loopback.serverSocket(); Socket client = Net.connect(listener.getLocalPort());
             Socket accepted = listener.accept()) {
            client.getOutputStream().write(Net.utf8("half a mess"));
            client.setSoLinger(true, 0);
            client.close(); // a reset: read() or write() on the server's side now throws an IOException
            java.util.concurrent.FutureTask<Void> serve = new java.util.concurrent.FutureTask<>(() -> {
                Echo.serve(accepted);
                return null;
            });
            Thread server = new Thread(serve, "echo-serve");
            server.setDaemon(true);
            server.start();
            try {
                serve.get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                org.junit.jupiter.api.Assertions.fail("Echo.serve threw " + e.getCause() + " when the client reset the"
                        + " connection: a reset is normal life for a server, so the IOException ends the loop quietly"
                        + " (catch it, do not rethrow it wrapped in another exception)");
            } catch (java.util.concurrent.TimeoutException e) {
                org.junit.jupiter.api.Assertions.fail("Echo.serve had not returned 5 s after the client reset the"
                        + " connection: read() returns -1 or throws once the connection is gone, and either ends the loop");
            }
            assertTrue(accepted.isClosed(), "Echo.serve returned after the client's reset but left the socket open:"
                    + " close it on every way out of the loop (try-with-resources)");
        }
    }

    @Test
    @Points(1)
    @DisplayName("1.2 the thread-per-connection server's close() called by an interrupted thread leaves the interrupt status set")
    void test16_threadPerConnectionCloseKeepsTheInterruptStatus() throws Exception {
        for (int round = 1; round <= 4; round++) {
            EchoServer server = new ThreadPerConnectionEchoServer(0);
            List<Socket> clients = connectClients(server, 3, 1); // one served: its thread is there to wait for
            boolean stillInterrupted = closedByAnInterruptedThread(server, clients);
            assertTrue(stillInterrupted, "close() was called by a thread whose interrupt status was set (round " + round
                    + " of 4); join() then throws InterruptedException, and catching it clears the status: call"
                    + " Thread.currentThread().interrupt() in the catch, so the caller still knows it was asked to stop");
        }
    }

    @Test
    @Points(1)
    @DisplayName("1.4 connect gives up after the connect timeout when the server never answers the connection request")
    void test17_connectTimeout() throws Exception {
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(Loopback.at(0), 1); // a queue of 1 that nobody accepts from
            List<Socket> queued = new ArrayList<>();
            try {
                boolean full = false;
                for (int i = 0; i < 20 && !full; i++) {
                    Socket s = new Socket();
                    queued.add(s);
                    try {
                        s.connect(listener.getLocalSocketAddress(), 200);
                    } catch (java.net.SocketTimeoutException e) {
                        full = true; // the queue is full: the kernel now ignores new connection requests
                    }
                }
                assertTrue(full, "test setup: the listener's queue never filled up, so a connect could not be left unanswered");
                java.util.concurrent.FutureTask<EchoClient> connect = new java.util.concurrent.FutureTask<>(
                        () -> EchoClient.connect(Loopback.ADDRESS.getHostAddress(), listener.getLocalPort(), Duration.ofMillis(300),
                                Duration.ofSeconds(20)));
                Thread caller = new Thread(connect, "echo-client-connect");
                caller.setDaemon(true);
                caller.start();
                try {
                    EchoClient client = connect.get(4, java.util.concurrent.TimeUnit.SECONDS);
                    client.close();
                    org.junit.jupiter.api.Assertions.fail("connect() returned a client though the server never"
                            + " answered the connection request");
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof java.io.IOException, "when the connect timeout (300 ms) passes,"
                            + " connect() should throw an IOException (e.g. SocketTimeoutException), but it threw " + e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    org.junit.jupiter.api.Assertions.fail("connect(..., connectTimeout = 300 ms, readTimeout = 20 s) was"
                            + " still waiting 4 s later for a server that never answers the connection request: pass"
                            + " the connect timeout to socket.connect(address, timeout) (new Socket(host, port) waits"
                            + " for minutes, and the read timeout is for reads)");
                }
            } finally {
                for (Socket s : queued) {
                    s.close();
                }
            }
        }
    }

    @Test
    @Points(1)
    @DisplayName("1.4 echo(\"\") returns \"\" at once (there is nothing to wait for), and the client still works after it")
    void test18_emptyEcho() throws Exception {
        try (EchoServer server = new ThreadPerConnectionEchoServer(0);
             EchoClient client = EchoClient.connect("127.0.0.1", server.port(), Duration.ofSeconds(2), Duration.ofSeconds(10))) {
            java.util.concurrent.FutureTask<String> empty = new java.util.concurrent.FutureTask<>(() -> client.echo(""));
            Thread caller = new Thread(empty, "echo-caller");
            caller.setDaemon(true);
            caller.start();
            try {
                assertEquals("", empty.get(3, java.util.concurrent.TimeUnit.SECONDS), "the echo of the empty message");
            } catch (java.util.concurrent.TimeoutException e) {
                org.junit.jupiter.api.Assertions.fail("echo(\"\") sent 0 bytes and was still waiting 3 s later: 0 of 0"
                        + " bytes are already all of the echo, so return \"\" without reading");
            }
            assertEquals("after", client.echo("after"), "an echo after the empty one");
        }
    }

    @Test
    @Points(1)
    @DisplayName("1.4 an echo of UTF-8 text whose first piece ends inside a character (é, €, 𝄞) is still returned whole")
    void test19_echoSplitInsideACharacter() throws Exception {
        String message = "café €5 𝄞 ok";
        byte[] bytes = message.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // Cut inside é (2 bytes), inside € (3 bytes, after its first and after its second byte), inside 𝄞 (4 bytes).
        int e = "caf".length();
        int euro = "café ".getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int clef = "café €5 ".getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        for (int cut : new int[] {e + 1, euro + 1, euro + 2, clef + 1, clef + 3}) {
            try (ServerSocket listener = Loopback.serverSocket()) {
                java.util.concurrent.CountDownLatch firstPieceSent = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.atomic.AtomicReference<Thread> caller = new java.util.concurrent.atomic.AtomicReference<>();
                Thread server = new Thread(() -> {
                    try (Socket s = listener.accept()) {
                        s.setTcpNoDelay(true);
                        // The first piece is there before echo() reads at all, so its first read returns exactly it.
                        s.getOutputStream().write(bytes, 0, cut);
                        s.getOutputStream().flush();
                        firstPieceSent.countDown();
                        new java.io.DataInputStream(s.getInputStream()).readFully(new byte[bytes.length]);
                        waitUntilReadingAgain(caller);
                        s.getOutputStream().write(bytes, cut, bytes.length - cut);
                        s.getOutputStream().flush();
                        s.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (Exception ignored) {
                        // the client has gone: the assertion below says what happened
                    }
                }, "split-echo-server");
                server.setDaemon(true);
                server.start();
                try (EchoClient client = EchoClient.connect("127.0.0.1", listener.getLocalPort(), Duration.ofSeconds(2),
                        Duration.ofSeconds(10))) {
                    assertTrue(firstPieceSent.await(10, java.util.concurrent.TimeUnit.SECONDS), "the test's server did not start");
                    java.util.concurrent.FutureTask<String> echo = new java.util.concurrent.FutureTask<>(() -> client.echo(message));
                    Thread t = new Thread(echo, "echo-caller");
                    t.setDaemon(true);
                    caller.set(t);
                    t.start();
                    String got = echo.get(15, java.util.concurrent.TimeUnit.SECONDS);
                    assertEquals(message, got, "the echo came back in two pieces, the first " + cut + " of " + bytes.length
                            + " bytes ending inside a character (UTF-8 writes é, € and 𝄞 as 2, 3 and 4 bytes): decode"
                            + " the bytes once they are all there (new String(all, UTF_8)), not each read's bytes on"
                            + " their own, which turns a cut character into '\uFFFD'");
                }
            }
        }
    }

    /**
     * Waits until {@code caller} is blocked in a socket read again, that is, it has taken the first
     * piece (which was there before it read) and waits for more; gives up after 5 s, when a client
     * that does not block in read gets the rest anyway.
     */
    private static void waitUntilReadingAgain(java.util.concurrent.atomic.AtomicReference<Thread> caller) {
        try {
            wirelab.testkit.Waits.await("echo() to read again", Duration.ofSeconds(5)).until(() -> {
                Thread t = caller.get();
                return t != null && java.util.Arrays.stream(t.getStackTrace()).anyMatch(f ->
                        f.getClassName().equals("sun.nio.ch.Net") && f.getMethodName().equals("poll")
                        || f.getClassName().equals("sun.nio.ch.NioSocketImpl") && f.getMethodName().equals("park"));
            });
        } catch (org.awaitility.core.ConditionTimeoutException notBlocked) {
            // a client that never blocks in read (it polls available()) gets the rest now
        }
    }
}
