package wirelab.sockets.udp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Loopback;
import wirelab.testkit.LossyRelay;
import wirelab.testkit.Points;

/** Exercises 3.1 and 3.2: ReliableUdpClient and AtMostOnceUdpServer, through a lossy relay. */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Part3UdpTest {

    static final Duration TIMEOUT = Duration.ofMillis(50);
    static final int ATTEMPTS = 25;

    /** "ADD n": adds n to a total and answers the new total; counts how often it really ran. */
    static final class Counter implements UnaryOperator<String> {
        final AtomicInteger total = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String apply(String request) {
            calls.incrementAndGet();
            return Integer.toString(total.addAndGet(Integer.parseInt(request.substring(4))));
        }
    }

    @Test
    @Points(2)
    @DisplayName("3.1 on a perfect network, each request gets its own reply")
    void test01_requestReplyWithoutLoss() throws Exception {
        try (AtMostOnceUdpServer server = new AtMostOnceUdpServer(0, text -> "echo " + text);
             ReliableUdpClient client = new ReliableUdpClient(Loopback.at(server.port()), Duration.ofSeconds(2), 3)) {
            for (int i = 1; i <= 5; i++) {
                assertEquals("echo request " + i, client.request("request " + i));
            }
            assertEquals(5, client.sends(), "without losses, no request should be sent twice");
        }
    }

    @Test
    @Points(2)
    @DisplayName("3.1 through a network that drops, duplicates and reorders, 30 requests each get their own reply")
    void test02_retransmitsThroughLossyNetwork() throws Exception {
        try (AtMostOnceUdpServer server = new AtMostOnceUdpServer(0, text -> "echo " + text);
             LossyRelay relay = LossyRelay.start(Loopback.at(server.port()), LossyRelay.Faults.typical(7));
             ReliableUdpClient client = new ReliableUdpClient(relay.address(), TIMEOUT, ATTEMPTS)) {
            for (int i = 1; i <= 30; i++) {
                String reply = client.request("request " + i);
                assertEquals("echo request " + i, reply, "request " + i + " should get its own reply ("
                        + relay.summary() + ")");
            }
            assertTrue(relay.dropped() > 0, "the test network should have dropped something: " + relay.summary());
            assertTrue(client.sends() > 30, "with losses, some requests must have been sent again, but sends() is "
                    + client.sends());
        }
    }

    @Test
    @Points(2)
    @DisplayName("3.1 with no reply at all, the client sends maxAttempts times, then throws SocketTimeoutException")
    void test03_givesUpAfterMaxAttempts() throws Exception {
        try (DatagramSocket silent = Loopback.datagramSocket();
             ReliableUdpClient client = new ReliableUdpClient(Loopback.at(silent.getLocalPort()), TIMEOUT, 4)) {
            assertThrows(SocketTimeoutException.class, () -> client.request("hello?"),
                    "when nobody answers, request() should give up with a SocketTimeoutException");
            silent.setSoTimeout(200);
            int received = 0;
            try {
                while (true) {
                    silent.receive(Datagrams.receiveBuffer());
                    received++;
                }
            } catch (SocketTimeoutException e) {
                // all datagrams read
            }
            assertEquals(4, received, "with maxAttempts = 4, the request should be sent exactly 4 times");
        }
    }

    @Test
    @Points(3)
    @DisplayName("3.2 a request that arrives twice is carried out once; the copy gets the same reply again")
    void test04_serverAnswersARetransmissionFromMemory() throws Exception {
        Counter counter = new Counter();
        try (AtMostOnceUdpServer server = new AtMostOnceUdpServer(0, counter);
             DatagramSocket client = Loopback.datagramSocket()) {
            client.setSoTimeout(2_000);
            for (int copy = 1; copy <= 2; copy++) {
                client.send(Datagrams.packet(1, "ADD 5", Loopback.at(server.port())));
                DatagramPacket in = Datagrams.receiveBuffer();
                client.receive(in);
                assertEquals(new Datagrams.Message(1, "5"), Datagrams.decode(in),
                        "copy " + copy + " of request #1 \"ADD 5\" should be answered with total 5");
            }
            assertEquals(1, counter.calls.get(), "the retransmitted request #1 must not be carried out a second time");
        }
    }

    @Test
    @Points(3)
    @DisplayName("3.1+3.2 40 x \"ADD 1\" through the lossy network: totals 1..40, each added exactly once")
    void test05_exactlyOnceThroughLossyNetwork() throws Exception {
        Counter counter = new Counter();
        try (AtMostOnceUdpServer server = new AtMostOnceUdpServer(0, counter);
             LossyRelay relay = LossyRelay.start(Loopback.at(server.port()), LossyRelay.Faults.typical(42));
             ReliableUdpClient client = new ReliableUdpClient(relay.address(), TIMEOUT, ATTEMPTS)) {
            for (int i = 1; i <= 40; i++) {
                assertEquals(Integer.toString(i), client.request("ADD 1"),
                        "after " + i + " x ADD 1 the total should be " + i + " (" + relay.summary() + ")");
            }
            assertEquals(40, counter.total.get(), "40 x ADD 1 should add up to 40 on the server");
            assertTrue(relay.dropped() > 0 && relay.duplicated() > 0 && relay.delayed() > 0,
                    "the test network should have dropped, duplicated and reordered datagrams: " + relay.summary());
        }
    }

    @Test
    @Points(1)
    @DisplayName("3.1 a late copy of the previous reply, arriving just before the right one, is ignored")
    void test06_ignoresALateCopyOfThePreviousReply() throws Exception {
        try (DatagramSocket fake = Loopback.datagramSocket();
             ReliableUdpClient client = new ReliableUdpClient(Loopback.at(fake.getLocalPort()), Duration.ofSeconds(2), 3)) {
            Thread server = new Thread(() -> {
                try {
                    String previous = "nothing yet";
                    for (int i = 0; i < 3; i++) {
                        DatagramPacket in = Datagrams.receiveBuffer();
                        fake.receive(in);
                        Datagrams.Message m = Datagrams.decode(in);
                        fake.send(Datagrams.packet(m.seq() - 1, previous, in.getSocketAddress())); // the late copy
                        previous = "reply to " + m.text();
                        fake.send(Datagrams.packet(m.seq(), previous, in.getSocketAddress()));
                    }
                } catch (Exception e) {
                    // test over
                }
            }, "fake-udp-server");
            server.setDaemon(true);
            server.start();
            for (String request : new String[] {"one", "two", "three"}) {
                assertEquals("reply to " + request, client.request(request), "before the reply to \"" + request
                        + "\" came a late copy of the previous reply (the sequence number before): request() should"
                        + " ignore a reply whose number is not the request's and wait on for the right one");
            }
            assertEquals(3, client.sends(), "every right reply came at once: no request should have been sent twice");
        }
    }
}
