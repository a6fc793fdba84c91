package wirelab.sockets.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.sockets.Net;
import wirelab.testkit.Points;

/** Exercises 2.3 and 2.4: KeyValueService and KeyValueServer. */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Part2KeyValueTest {

    @Test
    @Points(2)
    @DisplayName("2.3 PUT then GET returns the value; the value may contain spaces")
    void test01_putThenGet() {
        KeyValueService kv = new KeyValueService();
        assertEquals("OK", kv.handle("PUT greeting hello world"), "PUT should answer OK");
        assertEquals("OK hello world", kv.handle("GET greeting"), "GET should answer OK and the value");
        assertEquals("OK", kv.handle("PUT greeting bye"), "PUT on an existing key replaces its value");
        assertEquals("OK bye", kv.handle("GET greeting"));
        assertEquals("OK", kv.handle("DEL greeting"), "DEL of an existing key should answer OK");
        assertEquals("ERR no such key: greeting", kv.handle("GET greeting"), "after DEL the key is gone");
    }

    @Test
    @Points(2)
    @DisplayName("2.3 bad requests get ERR replies: unknown command, missing arguments, unknown key")
    void test02_errReplies() {
        KeyValueService kv = new KeyValueService();
        assertEquals("ERR unknown command: FETCH", kv.handle("FETCH x"));
        assertEquals("ERR usage: PUT key value", kv.handle("PUT onlykey"));
        assertEquals("ERR usage: GET key", kv.handle("GET"));
        assertEquals("ERR no such key: nope", kv.handle("DEL nope"));
        assertTrue(kv.handle("").startsWith("ERR"), "an empty request should get an ERR reply, not an exception");
    }

    @Test
    @Points(2)
    @DisplayName("2.4 the server answers length-prefixed requests on one connection, in order")
    void test03_serverWithLengthPrefix() throws Exception {
        try (KeyValueServer server = new KeyValueServer(0, new LengthPrefixFraming());
             Socket client = Net.connect(server.port())) {
            client.getOutputStream().write(Frames.lengthFrame("PUT city Berkeley"));
            assertEquals("OK", Frames.readLengthFrame(client));
            client.getOutputStream().write(Frames.lengthFrame("GET city"));
            assertEquals("OK Berkeley", Frames.readLengthFrame(client));
        }
    }

    @Test
    @Points(2)
    @DisplayName("2.4 the server answers line requests, and two clients share one store")
    void test04_serverWithLines() throws Exception {
        try (KeyValueServer server = new KeyValueServer(0, new LineFraming());
             Socket a = Net.connect(server.port());
             Socket b = Net.connect(server.port())) {
            Net.send(a, "PUT lang Java\n");
            assertEquals("OK", Frames.readLine(a));
            Net.send(b, "GET lang\n");
            assertEquals("OK Java", Frames.readLine(b), "a value PUT by one client should be visible to another");
        }
    }

    @Test
    @Points(2)
    @DisplayName("2.4 an oversize frame gets an ERR reply and a closed connection; the server keeps serving others")
    void test05_oversizeFrameGetsErr() throws Exception {
        try (KeyValueServer server = new KeyValueServer(0, new LengthPrefixFraming())) {
            try (Socket bad = Net.connect(server.port())) {
                bad.getOutputStream().write(Frames.header(LengthPrefixFraming.MAX_PAYLOAD + 1));
                String reply = Frames.readLengthFrame(bad);
                assertTrue(reply.startsWith("ERR"), "a frame over the limit should get an ERR reply, got: " + reply);
                assertTrue(Net.closedByPeer(bad), "after the ERR the server should hang up: it no longer knows where frames begin");
            }
            try (Socket good = Net.connect(server.port())) {
                good.getOutputStream().write(Frames.lengthFrame("PUT k v"));
                assertEquals("OK", Frames.readLengthFrame(good), "the server should still serve other clients");
            }
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
