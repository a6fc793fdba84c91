package wirelab.sockets.addressing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.sockets.addressing.Ipv4.AddressClass;
import wirelab.testkit.Points;

/** Hidden: edge cases of addresses, masks and URLs. */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HiddenAddressingTest {

    @Test
    @Points(2)
    @DisplayName("5.1 more invalid addresses: signs, spaces, trailing dot, 4-digit parts, -1, null")
    void test01_moreInvalidAddresses() {
        for (String bad : new String[] {"+1.2.3.4", " 1.2.3.4", "1.2.3.4 ", "1.2.3.4.", ".1.2.3", "1.2.3.1000",
                "1.2.3.-1", "1.2.3.0x1", "1,2,3,4", "1.2.3.٣", "00.0.0.0"}) {
            assertThrows(IllegalArgumentException.class, () -> Ipv4.parse(bad),
                    "\"" + bad + "\" should be refused with IllegalArgumentException");
        }
        assertThrows(IllegalArgumentException.class, () -> Ipv4.parse(null), "null should be refused too");
    }

    @Test
    @Points(1)
    @DisplayName("5.1 format and parse agree on every corner: 0.0.0.0, 127.0.0.1, 128.0.0.0, 255.255.255.255")
    void test02_roundTrips() {
        for (String s : List.of("0.0.0.0", "127.0.0.1", "128.0.0.0", "255.255.255.255", "1.10.100.200")) {
            assertEquals(s, Ipv4.format(Ipv4.parse(s)));
        }
    }

    @Test
    @Points(1)
    @DisplayName("5.1 class boundaries: 127/128, 191/192, 223/224, 239/240")
    void test03_classBoundaries() {
        assertEquals(AddressClass.A, Ipv4.classOf(Ipv4.parse("127.255.255.255")));
        assertEquals(AddressClass.B, Ipv4.classOf(Ipv4.parse("128.0.0.0")));
        assertEquals(AddressClass.B, Ipv4.classOf(Ipv4.parse("191.255.255.255")));
        assertEquals(AddressClass.C, Ipv4.classOf(Ipv4.parse("192.0.0.0")));
        assertEquals(AddressClass.C, Ipv4.classOf(Ipv4.parse("223.255.255.255")));
        assertEquals(AddressClass.D, Ipv4.classOf(Ipv4.parse("224.0.0.0")));
        assertEquals(AddressClass.D, Ipv4.classOf(Ipv4.parse("239.255.255.255")));
        assertEquals(AddressClass.E, Ipv4.classOf(Ipv4.parse("240.0.0.0")));
        assertEquals(AddressClass.E, Ipv4.classOf(Ipv4.parse("255.255.255.255")));
    }

    @Test
    @Points(1)
    @DisplayName("5.1 private range edges: 172.15/172.16, 172.31/172.32, 192.167/192.168, 11.0.0.0")
    void test04_privateEdges() {
        assertFalse(Ipv4.isPrivate(Ipv4.parse("172.15.255.255")));
        assertTrue(Ipv4.isPrivate(Ipv4.parse("172.16.0.0")));
        assertTrue(Ipv4.isPrivate(Ipv4.parse("172.31.255.255")));
        assertFalse(Ipv4.isPrivate(Ipv4.parse("172.32.0.0")));
        assertFalse(Ipv4.isPrivate(Ipv4.parse("192.167.255.255")));
        assertTrue(Ipv4.isPrivate(Ipv4.parse("192.168.255.255")));
        assertFalse(Ipv4.isPrivate(Ipv4.parse("192.169.0.0")));
        assertFalse(Ipv4.isPrivate(Ipv4.parse("11.0.0.0")));
        assertTrue(Ipv4.isPrivate(Ipv4.parse("10.255.255.255")));
    }

    @Test
    @Points(2)
    @DisplayName("5.2 the extreme prefixes: /0, /1, /30, /31, /32")
    void test05_extremePrefixes() {
        Subnet all = Subnet.parseCidr("8.8.8.8/0");
        assertEquals("0.0.0.0", Ipv4.format(all.network()));
        assertEquals("255.255.255.255", Ipv4.format(all.broadcast()));
        assertEquals(4_294_967_294L, all.hostCount(), "/0 holds 2^32 - 2 hosts: more than an int can count");
        assertEquals("0.0.0.0", Ipv4.format(Subnet.maskOf(0)), "mask /0 has no one-bits (careful: -1 << 32 is -1 in Java)");
        assertEquals("128.0.0.0", Ipv4.format(Subnet.maskOf(1)));
        assertEquals(2, Subnet.parseCidr("10.0.0.5/30").hostCount());
        assertEquals("10.0.0.7", Ipv4.format(Subnet.parseCidr("10.0.0.5/30").broadcast()));
        assertEquals(2, Subnet.parseCidr("10.0.0.4/31").hostCount(), "a /31 point-to-point link has 2 hosts");
        Subnet one = Subnet.parseCidr("10.0.0.9/32");
        assertEquals(1, one.hostCount(), "a /32 is a single host");
        assertEquals("10.0.0.9", Ipv4.format(one.network()));
        assertEquals("10.0.0.9", Ipv4.format(one.broadcast()));
    }

    @Test
    @Points(1)
    @DisplayName("5.2 bad CIDR and masks are refused: /33, /-1, no slash (also a bare \"24\"), 255.255.255.1")
    void test06_badSubnets() {
        for (String bad : new String[] {"10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0", "24", "10.0.0.0/", "10.0.0.0/x", "300.0.0.0/8"}) {
            assertThrows(IllegalArgumentException.class, () -> Subnet.parseCidr(bad), "\"" + bad + "\" should be refused");
        }
        assertThrows(IllegalArgumentException.class, () -> Subnet.withMask("10.0.0.1", "255.255.255.1"));
        assertThrows(IllegalArgumentException.class, () -> Subnet.withMask("10.0.0.1", "0.255.255.255"));
        assertEquals(0, Subnet.withMask("10.0.0.1", "0.0.0.0").prefix());
        assertEquals(32, Subnet.withMask("10.0.0.1", "255.255.255.255").prefix());
    }

    @Test
    @Points(2)
    @DisplayName("5.3 URL corners: no path, directory URL, upper-case protocol, unknown and one-letter protocols, a URL inside the path, ports 1 and 65535, bad ports, no host")
    void test07_urlCorners() {
        LectureUrl bare = LectureUrl.parse("http://www.xyz.com");
        assertEquals("/", bare.path(), "a URL without a path points at /");
        assertEquals("", bare.fileName());
        assertEquals(80, bare.port());
        LectureUrl dir = LectureUrl.parse("https://courses.ischool.berkeley.edu/i206/");
        assertEquals(443, dir.port());
        assertEquals("/i206/", dir.directory());
        assertEquals("", dir.fileName());
        assertEquals("http", LectureUrl.parse("HTTP://Example.com/").protocol(), "the protocol is returned in lower case");
        assertEquals(-1, LectureUrl.parse("wais://server.example/db").port(), "an unknown protocol without a port has port -1");
        assertEquals("s", LectureUrl.parse("s://bucket.example/key").protocol(), "a protocol of one letter is a protocol too");
        LectureUrl frag = LectureUrl.parse("telnet://host.example:2323#top");
        assertEquals(2323, frag.port());
        assertEquals("/", frag.path());
        assertEquals("top", frag.fragment());
        LectureUrl nested = LectureUrl.parse("http://example.org/go?to=ftp://mirror.example/pub");
        assertEquals("http", nested.protocol(), "the protocol ends at the first \"://\"; a later one is part of the path");
        assertEquals("example.org", nested.host());
        assertEquals("/go?to=ftp://mirror.example/pub", nested.path());
        assertEquals(1, LectureUrl.parse("http://host:1/").port(), "1 is the lowest port a URL may name");
        assertEquals(65535, LectureUrl.parse("http://host:65535/").port(), "65535 is the highest port a URL may name");
        for (String bad : new String[] {"http://host:0/", "http://host:65536/", "http://host:http/", "http:///path",
                "http://:80/", "http://#top", "http://", "://host/", "1http://host/"}) {
            assertThrows(IllegalArgumentException.class, () -> LectureUrl.parse(bad), "\"" + bad + "\" should be refused");
        }
    }

    @Test
    @Points(1)
    @DisplayName("5.4 address literals resolve to themselves without a lookup: 127.0.0.1, ::1 and 10.0.0.1")
    void test08_literals() throws Exception {
        assertEquals(List.of("0:0:0:0:0:0:0:1"), Names.addressesOf("::1"));
        assertTrue(Names.isThisMachineOnly("127.0.0.1"));
        assertTrue(Names.isThisMachineOnly("::1"));
        assertFalse(Names.isThisMachineOnly("10.0.0.1"), "10.0.0.1 is another machine's address (no lookup needed)");
    }

    @Test
    @Points(1)
    @DisplayName("5.3 an upper-case protocol gets its well-known port too: HTTP://host/ is port 80, FTP:// port 21")
    void test09_upperCaseProtocolDefaultPort() {
        assertEquals(80, LectureUrl.parse("HTTP://Example.com/index.html").port(),
                "HTTP://Example.com/index.html has no port: the well-known port of http (80), whatever the case");
        assertEquals(21, LectureUrl.parse("Ftp://ftp.example.org/pub/").port());
        assertEquals(443, LectureUrl.parse("HTTPS://secure.example.org").port());
    }

    @Test
    @Points(1)
    @DisplayName("5.3 the port follows the last colon: http://[::1]:8080/x has host [::1] and port 8080")
    void test10_portAfterTheLastColon() {
        LectureUrl url = LectureUrl.parse("http://[::1]:8080/x");
        assertEquals("[::1]", url.host(), "an IPv6 address in brackets contains colons itself: the port is after the last one");
        assertEquals(8080, url.port());
    }

    @Test
    @Points(1)
    @DisplayName("5.3 IPv6 literals in brackets, with and without a port: http://[::1]/x has host [::1] and port 80; broken brackets are refused")
    void test11_ipv6Literals() {
        LectureUrl bare = LectureUrl.parse("http://[::1]/x");
        assertEquals("[::1]", bare.host(), "http://[::1]/x: the host is the bracketed IPv6 literal; its colons are not a"
                + " port's colon (only a colon after the ']' is)");
        assertEquals(80, bare.port(), "http://[::1]/x names no port: the well-known port of http");
        assertEquals("/x", bare.path());
        LectureUrl full = LectureUrl.parse("https://[2001:db8::7]:8443/a/b.html#top");
        assertEquals("[2001:db8::7]", full.host());
        assertEquals(8443, full.port(), "https://[2001:db8::7]:8443/...: the port follows the ']'");
        assertEquals("/a/b.html", full.path());
        assertEquals("top", full.fragment());
        LectureUrl noPath = LectureUrl.parse("ftp://[fe80::1]");
        assertEquals("[fe80::1]", noPath.host());
        assertEquals(21, noPath.port());
        assertEquals("/", noPath.path());
        for (String bad : new String[] {"http://[::1/x", "http://[::1]x/", "http://[::1]]/", "http://[]/", "http://[::1]:0/",
                "http://[::1]:8080:80/"}) {
            assertThrows(IllegalArgumentException.class, () -> LectureUrl.parse(bad), "\"" + bad + "\" should be refused:"
                    + " an IPv6 literal is '[' address ']', then nothing or ':' and a port 1..65535");
        }
    }

    @Test
    @Points(1)
    @DisplayName("5.3 a protocol may hold digits, '+', '-' and '.' after its first letter: svn+ssh, x-web, h2.tls")
    void test12_protocolCharacters() {
        for (String protocol : new String[] {"svn+ssh", "x-web", "h2.tls", "ws2"}) {
            LectureUrl url = LectureUrl.parse(protocol + "://host.example:4000/p");
            assertEquals(protocol, url.protocol(), "\"" + protocol + "\" is a protocol name: a letter, then letters,"
                    + " digits, '+', '-' or '.'");
            assertEquals(-1, LectureUrl.parse(protocol + "://host.example/p").port(), protocol + " has no well-known port");
        }
        for (String bad : new String[] {"-x://host/", "sv n://host/", "svn_ssh://host/", "+s://host/"}) {
            assertThrows(IllegalArgumentException.class, () -> LectureUrl.parse(bad), "\"" + bad + "\" has no valid"
                    + " protocol name and should be refused");
        }
    }

    @Test
    @Points(1)
    @DisplayName("5.2 contains() at the edges: /0 holds every address, /32 only itself, a subnet its network and broadcast, high addresses too")
    void test13_containsAtTheEdges() {
        Subnet all = Subnet.parseCidr("0.0.0.0/0");
        for (String a : new String[] {"0.0.0.0", "127.0.0.1", "128.0.0.0", "200.1.2.3", "255.255.255.255"}) {
            assertTrue(all.contains(Ipv4.parse(a)), "0.0.0.0/0 holds every address, also " + a
                    + " (compare the network bits, not the addresses as signed ints)");
        }
        Subnet one = Subnet.parseCidr("10.0.0.9/32");
        assertTrue(one.contains(Ipv4.parse("10.0.0.9")), "a /32 holds its one address");
        assertFalse(one.contains(Ipv4.parse("10.0.0.8")), "a /32 holds only its one address");
        assertFalse(one.contains(Ipv4.parse("10.0.0.10")), "a /32 holds only its one address");
        Subnet high = Subnet.parseCidr("192.168.1.77/24");
        assertTrue(high.contains(Ipv4.parse("192.168.1.0")), "the network address lies in its subnet");
        assertTrue(high.contains(Ipv4.parse("192.168.1.255")), "the broadcast address lies in its subnet");
        assertFalse(high.contains(Ipv4.parse("192.168.0.255")), "192.168.0.255 is just below 192.168.1.0/24");
        assertFalse(high.contains(Ipv4.parse("64.168.1.1")), "64.168.1.1 differs in the first bit only");
        Subnet upper = Subnet.parseCidr("128.0.0.0/1");
        assertTrue(upper.contains(Ipv4.parse("255.255.255.255")), "128.0.0.0/1 holds the upper half of the addresses");
        assertFalse(upper.contains(Ipv4.parse("127.255.255.255")), "128.0.0.0/1 does not hold 127.255.255.255");
    }
}
