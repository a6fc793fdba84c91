package wirelab.sockets.udp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Loopback;
import wirelab.testkit.LossyRelay;
import wirelab.testkit.Points;
import wirelab.testkit.StartGate;

/** Hidden: duplicate suppression on both sides, several clients, several loss patterns. */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 40, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HiddenUdpTest {

    static final Duration TIMEOUT = Part3UdpTest.TIMEOUT;

    @Test
    @Points(2)
    @DisplayName("3.1 a stale reply (an older sequence number) arriving first is ignored; the right one is returned")
    void test01_clientIgnoresStaleReply() throws Exception {
        try (DatagramSocket fake = Loopback.datagramSocket();
             ReliableUdpClient client = new ReliableUdpClient(Loopback.at(fake.getLocalPort()), Duration.ofSeconds(2), 3)) {
            Thread server = new Thread(() -> {
                try {
                    for (int i = 0; i < 2; i++) {
                        DatagramPacket in = Datagrams.receiveBuffer();
                        fake.receive(in);
                        Datagrams.Message m = Datagrams.decode(in);
                        fake.send(Datagrams.packet(m.seq() - 1, "stale", in.getSocketAddress()));
                        fake.send(Datagrams.packet(m.seq() + 7, "future", in.getSocketAddress()));
                        fake.send(Datagrams.packet(m.seq(), "fresh " + m.text(), in.getSocketAddress()));
                    }
                } catch (Exception e) {
                    // test over
                }
            });
            server.setDaemon(true);
            server.start();
            assertEquals("fresh one", client.request("one"), "replies with another sequence number must be ignored");
            assertEquals("fresh two", client.request("two"));
            assertEquals(2, client.sends(), "the right reply came within the timeout: no retransmission was needed");
        }
    }

    @Test
    @Points(1)
    @DisplayName("3.2 a stale duplicate of an older request is neither carried out nor answered")
    void test02_serverIgnoresStaleRequest() throws Exception {
        Part3UdpTest.Counter counter = new Part3UdpTest.Counter();
        try (AtMostOnceUdpServer server = new AtMostOnceUdpServer(0, counter);
             DatagramSocket client = Loopback.datagramSocket()) {
            client.setSoTimeout(2_000);
            client.send(Datagrams.packet(1, "ADD 1", Loopback.at(server.port())));
            client.receive(Datagrams.receiveBuffer());
            client.send(Datagrams.packet(2, "ADD 10", Loopback.at(server.port())));
            client.receive(Datagrams.receiveBuffer());
            client.send(Datagrams.packet(1, "ADD 1", Loopback.at(server.port())));
            client.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, () -> client.receive(Datagrams.receiveBuffer()),
                    "request #1 arriving after #2 is a stale duplicate: the server should not answer it");
            assertEquals(11, counter.total.get(), "the stale ADD 1 must not be carried out again");
        }
    }

    @Test
    @Points(2)
    @DisplayName("3.2 two clients using the same sequence numbers are told apart by their address")
    void test03_serverKeepsClientsApart() throws Exception {
        Part3UdpTest.Counter counter = new Part3UdpTest.Counter();
        try (AtMostOnceUdpServer server = new AtMostOnceUdpServer(0, counter);
             DatagramSocket a = Loopback.datagramSocket();
             DatagramSocket b = Loopback.datagramSocket()) {
            a.setSoTimeout(2_000);
            b.setSoTimeout(2_000);
            assertEquals("1", exchange(a, server.port(), 1, "ADD 1"));
            assertEquals("101", exchange(b, server.port(), 1, "ADD 100"),
                    "request #1 from a second client is a new request, not a duplicate of the first client's #1");
            assertEquals("1", exchange(a, server.port(), 1, "ADD 1"),
                    "the first client's #1 sent again is a retransmission: it gets its old reply and is not added again");
            assertEquals(2, counter.calls.get(), "two different requests should have been carried out, once each");
        }
    }

    private static String exchange(DatagramSocket client, int port, int seq, String text) throws Exception {
        client.send(Datagrams.packet(seq, text, Loopback.at(port)));
        DatagramPacket in = Datagrams.receiveBuffer();
        client.receive(in);
        return Datagrams.decode(in).text();
    }

    @Test
    @Points(3)
    @DisplayName("3.1+3.2 four clients at once through the lossy network: every ADD counted exactly once")
    void test04_severalClientsThroughLossyNetwork() throws Exception {
        Part3UdpTest.Counter counter = new Part3UdpTest.Counter();
        AtomicInteger sends = new AtomicInteger();
        try (AtMostOnceUdpServer server = new AtMostOnceUdpServer(0, counter);
             LossyRelay relay = LossyRelay.start(Loopback.at(server.port()), LossyRelay.Faults.typical(2024))) {
            StartGate.run(4, worker -> {
                try (ReliableUdpClient client = new ReliableUdpClient(relay.address(), TIMEOUT, Part3UdpTest.ATTEMPTS)) {
                    for (int i = 0; i < 15; i++) {
                        client.request("ADD 1");
                    }
                    sends.addAndGet(client.sends());
                }
            });
            assertEquals(60, counter.total.get(), "4 clients x 15 x ADD 1 should total 60 (" + relay.summary() + ")");
            assertEquals(60, counter.calls.get(), "each ADD should be carried out exactly once");
        }
    }

    @Test
    @Points(2)
    @DisplayName("3.1+3.2 three more loss patterns (seeds 1, 99, 31337), with harsher losses: still exactly once")
    void test05_otherSeeds() throws Exception {
        for (long seed : new long[] {1, 99, 31337}) {
            Part3UdpTest.Counter counter = new Part3UdpTest.Counter();
            LossyRelay.Faults harsh = new LossyRelay.Faults(seed, 0.30, 0.30, 0.30);
            try (AtMostOnceUdpServer server = new AtMostOnceUdpServer(0, counter);
                 LossyRelay relay = LossyRelay.start(Loopback.at(server.port()), harsh);
                 ReliableUdpClient client = new ReliableUdpClient(relay.address(), TIMEOUT, 40)) {
                for (int i = 1; i <= 15; i++) {
                    assertEquals(Integer.toString(3 * i), client.request("ADD 3"),
                            "seed " + seed + ": after " + i + " x ADD 3 the total should be " + (3 * i)
                                    + " (" + relay.summary() + ")");
                }
            }
        }
    }

    @Test
    @Points(2)
    @DisplayName("3.1 a reply is exactly the datagram's text: spaces, tabs and NUL at either end survive; a short stale reply does not cut the next one")
    void test06_replyTextIsExactlyTheDatagram() throws Exception {
        String[] replies = {"  two spaces before, one after ", "\0NUL first", "tab last\t", "ends with NUL\0", " \0 "};
        try (DatagramSocket fake = Loopback.datagramSocket();
             ReliableUdpClient client = new ReliableUdpClient(Loopback.at(fake.getLocalPort()), Duration.ofSeconds(2), 3)) {
            Thread server = new Thread(() -> {
                try {
                    for (String reply : replies) {
                        DatagramPacket in = Datagrams.receiveBuffer();
                        fake.receive(in);
                        Datagrams.Message m = Datagrams.decode(in);
                        fake.send(Datagrams.packet(m.seq() - 1, "", in.getSocketAddress())); // short and stale
                        fake.send(Datagrams.packet(m.seq(), reply, in.getSocketAddress()));
                    }
                } catch (Exception e) {
                    // test over
                }
            }, "fake-udp-server");
            server.setDaemon(true);
            server.start();
            for (String reply : replies) {
                assertEquals(show(reply), show(client.request("next")), "request() should return the reply's text"
                        + " exactly: the bytes from 4 to getLength() of the datagram (not the whole receive buffer,"
                        + " not trimmed); a short stale reply before it must not change how the next one is read");
            }
        }
    }

    static String show(String s) {
        return "\"" + s.replace("\0", "\\0").replace("\t", "\\t") + "\"";
    }

    @Test
    @Points(2)
    @DisplayName("3.1 a stale reply neither ends an attempt nor starts its timeout again: the attempt lasts its timeout")
    void test07_staleReplyNeitherEndsNorRestartsTheAttempt() throws Exception {
        Duration timeout = Duration.ofMillis(300);
        Duration staleAfter = Duration.ofMillis(30); // most of the attempt is left: only a 270 ms stall would use it up
        int attempts = 2;
        try (ReliableUdpClient client = new ReliableUdpClient(Loopback.at(9), timeout, attempts);
             StaleReplySocket socket = new StaleReplySocket(timeout, staleAfter)) {
            socket.installIn(client); // a socket that plays a server: never the reply, one stale reply 30 ms into each attempt
            assertThrows(SocketTimeoutException.class, () -> client.request("anyone?"),
                    "nobody answers request #1 (only a stale reply with another number comes in each attempt):"
                            + " request() should give up after " + attempts + " attempts");
            socket.requestEnded();
            List<String> mistakes = socket.mistakes();
            assertTrue(mistakes.isEmpty(), () -> "each attempt should last " + timeout.toMillis() + " ms after its"
                    + " send, whatever comes meanwhile (ignore the stale reply, wait for what is left), but "
                    + mistakes.get(0) + (mistakes.size() > 1 ? " (and " + (mistakes.size() - 1) + " more like it)" : ""));
            assertEquals(attempts, socket.sends(), "the request should have been sent " + attempts + " times");
            assertEquals(attempts, client.sends(), "sends() should count every send");
        }
    }

    @Test
    @Points(1)
    @DisplayName("3.1 a stale reply read just as, or after, the attempt's time is up ends the attempt: the request is sent again")
    void test08_staleReplyReadLateEndsTheAttempt() throws Exception {
        // 20 ms late: no time is left at all; 0 ms late: the attempt's last millisecond (8 rounds, each with a fresh client)
        for (int round = 0; round <= 8; round++) {
            Duration late = Duration.ofMillis(round == 0 ? 20 : 0);
            Duration timeout = Duration.ofMillis(round == 0 ? 100 : 30);
            try (ReliableUdpClient client = new ReliableUdpClient(Loopback.at(9), timeout, 3);
                 LateWakeSocket socket = new LateWakeSocket(late)) {
                socket.installIn(client); // a socket that plays the server, and a thread woken `late` after its timeout
                String reply = assertDoesNotThrow(() -> client.request("late"), "the first attempt's only reply was"
                        + " stale (an older sequence number), and the thread read it " + late.toMillis() + " ms after the"
                        + " attempt's " + timeout.toMillis() + " ms were up: request() should see that no time is left"
                        + " (less than 1 ms is none) and send the request again, not call setSoTimeout with what is left:"
                        + " a negative number is refused, and 0 waits for ever");
                assertEquals("fresh late", reply, "the retransmission's reply should be returned");
                assertEquals(2, socket.sent().size(), "the request should have been sent twice: once, then again when the"
                        + " first attempt's time was up (sends: " + socket.sent() + ")");
                assertEquals(socket.sent().get(0).seq(), socket.sent().get(1).seq(),
                        "a retransmission carries the same sequence number as the first send");
                assertEquals(2, client.sends(), "sends() should count both sends");
            }
        }
    }

    @Test
    @Points(1)
    @DisplayName("3.2 any number higher than the last is a new request: also after a gap (a request the network lost"
            + " entirely) and as a client's first")
    void test09_serverTakesAHigherNumberAfterAGap() throws Exception {
        Part3UdpTest.Counter counter = new Part3UdpTest.Counter();
        try (AtMostOnceUdpServer server = new AtMostOnceUdpServer(0, counter);
             DatagramSocket client = Loopback.datagramSocket()) {
            client.setSoTimeout(2_000);
            String[] steps = {"#1 ADD 1", "#3 ADD 10 (every attempt of #2 was lost: the client gave up on it)",
                "#7 ADD 100 (after four more lost requests)"};
            int[] seqs = {1, 3, 7};
            int[] totals = {1, 11, 111};
            for (int i = 0; i < seqs.length; i++) {
                client.send(Datagrams.packet(seqs[i], "ADD " + (totals[i] - (i == 0 ? 0 : totals[i - 1])),
                        Loopback.at(server.port())));
                DatagramPacket in = Datagrams.receiveBuffer();
                int step = i;
                assertDoesNotThrow(() -> client.receive(in), "request " + steps[step] + " got no reply within 2 s:"
                        + " a number higher than the last one remembered is a new request, whether or not it is the next"
                        + " one (a client gives up on a request after its last attempt and numbers the next one on)");
                Datagrams.Message reply = Datagrams.decode(in);
                assertEquals(seqs[i], reply.seq(), "the reply to request " + steps[i] + " carries its number");
                assertEquals(Integer.toString(totals[i]), reply.text(), "request " + steps[i] + " should be carried out");
            }
            client.send(Datagrams.packet(7, "ADD 100", Loopback.at(server.port())));
            DatagramPacket again = Datagrams.receiveBuffer();
            assertDoesNotThrow(() -> client.receive(again), "request #7 sent again (its reply was lost) got no reply");
            assertEquals("111", Datagrams.decode(again).text(), "#7 sent again: the remembered reply");
            assertEquals(3, counter.calls.get(), "#7 sent again must not be carried out again (3 requests so far)");
            try (DatagramSocket other = Loopback.datagramSocket()) {
                other.setSoTimeout(2_000);
                other.send(Datagrams.packet(5, "ADD 1000", Loopback.at(server.port())));
                DatagramPacket in = Datagrams.receiveBuffer();
                assertDoesNotThrow(() -> other.receive(in), "a client whose first request carries #5 (it was started"
                        + " before, or its first requests were lost) got no reply: the server has no number for it yet,"
                        + " so any number is new");
                assertEquals("1111", Datagrams.decode(in).text(), "the first request of a new client should be carried out");
            }
            assertEquals(4, counter.calls.get(), "each of the four requests should be carried out exactly once");
        }
    }

    @Test
    @Points(1)
    @DisplayName("3.1 a datagram too short to carry a sequence number (0 or 3 bytes) is not a reply: it is ignored")
    void test10_clientIgnoresDatagramsTooShortForANumber() throws Exception {
        try (DatagramSocket fake = Loopback.datagramSocket();
             ReliableUdpClient client = new ReliableUdpClient(Loopback.at(fake.getLocalPort()), Duration.ofSeconds(2), 3)) {
            Thread server = new Thread(() -> {
                try {
                    DatagramPacket in = Datagrams.receiveBuffer();
                    fake.receive(in);
                    Datagrams.Message m = Datagrams.decode(in);
                    fake.send(new DatagramPacket(new byte[0], 0, in.getSocketAddress()));
                    fake.send(new DatagramPacket(new byte[] {0, 0, 1}, 3, in.getSocketAddress()));
                    fake.send(Datagrams.packet(m.seq(), "fresh " + m.text(), in.getSocketAddress()));
                } catch (Exception e) {
                    // test over
                }
            }, "short-datagram-server");
            server.setDaemon(true);
            server.start();
            String reply = assertDoesNotThrow(() -> client.request("one"), "a datagram of 0 bytes and one of 3 bytes"
                    + " arrived before the reply: Datagrams.decode returns null for them (too short for a sequence number),"
                    + " and they are not the reply: ignore them and keep waiting, as for a reply with another number");
            assertEquals("fresh one", reply, "the reply that came after the two short datagrams");
            assertEquals(1, client.sends(), "the right reply came within the timeout: no retransmission was needed");
        }
    }
}
