package wirelab.sockets.addressing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.sockets.addressing.Ipv4.AddressClass;
import wirelab.testkit.Points;

/** Exercises 5.1 to 5.4: addresses, masks, URLs and names, with the lecture's examples. */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Part5AddressingTest {

    @Test
    @Points(2)
    @DisplayName("5.1 129.65.24.50 parses to the lecture's bits 10000001 01000001 00011000 00110010, and back")
    void test01_parsesDottedQuad() {
        assertEquals(0b10000001_01000001_00011000_00110010, Ipv4.parse("129.65.24.50"),
                "each part is 8 bits, the first part is the highest");
        assertEquals(0, Ipv4.parse("0.0.0.0"));
        assertEquals(-1, Ipv4.parse("255.255.255.255"), "255.255.255.255 is all 32 bits set (-1 as an int)");
        assertEquals("129.65.24.50", Ipv4.format(Ipv4.parse("129.65.24.50")));
        assertEquals("255.255.255.255", Ipv4.format(-1), "format must treat the top bit as part of 255, not a sign");
    }

    @Test
    @Points(2)
    @DisplayName("5.1 invalid addresses are refused: 256.1.1.1, 1.2.3, 1.2.3.4.5, 1..3.4, a.b.c.d, 01.2.3.4")
    void test02_refusesInvalidAddresses() {
        for (String bad : new String[] {"256.1.1.1", "1.2.3", "1.2.3.4.5", "1..3.4", "a.b.c.d", "01.2.3.4", ""}) {
            assertThrows(IllegalArgumentException.class, () -> Ipv4.parse(bad),
                    "\"" + bad + "\" is not a dotted quad and should be refused with IllegalArgumentException");
        }
    }

    @Test
    @Points(2)
    @DisplayName("5.1 classes from the leading bits: 10.1.2.3 is A, 129.65.24.50 is B, 192.168.1.1 is C, 224.0.0.1 is D, 250.1.1.1 is E")
    void test03_classes() {
        assertEquals(AddressClass.A, Ipv4.classOf(Ipv4.parse("10.1.2.3")));
        assertEquals(AddressClass.B, Ipv4.classOf(Ipv4.parse("129.65.24.50")), "leading bits 10: class B (lecture example)");
        assertEquals(AddressClass.C, Ipv4.classOf(Ipv4.parse("192.168.1.1")));
        assertEquals(AddressClass.D, Ipv4.classOf(Ipv4.parse("224.0.0.1")), "leading bits 1110: multicast (lecture example)");
        assertEquals(AddressClass.E, Ipv4.classOf(Ipv4.parse("250.1.1.1")));
    }

    @Test
    @Points(1)
    @DisplayName("5.1 private ranges: 10.x, 172.16-31.x and 192.168.x are private; 8.8.8.8 and 172.32.0.1 are not")
    void test04_privateRanges() {
        assertTrue(Ipv4.isPrivate(Ipv4.parse("10.200.0.1")));
        assertTrue(Ipv4.isPrivate(Ipv4.parse("172.20.5.5")));
        assertTrue(Ipv4.isPrivate(Ipv4.parse("192.168.0.10")));
        assertFalse(Ipv4.isPrivate(Ipv4.parse("8.8.8.8")));
        assertFalse(Ipv4.isPrivate(Ipv4.parse("172.32.0.1")), "172.16.0.0/12 ends at 172.31.255.255");
    }

    @Test
    @Points(2)
    @DisplayName("5.2 192.168.1.77/24: network 192.168.1.0, broadcast 192.168.1.255, 254 hosts")
    void test05_cidr() {
        Subnet s = Subnet.parseCidr("192.168.1.77/24");
        assertEquals("192.168.1.0", Ipv4.format(s.network()), "network = address AND mask");
        assertEquals("192.168.1.255", Ipv4.format(s.broadcast()), "broadcast = network with every host bit set");
        assertEquals(254, s.hostCount(), "a /24 has 256 addresses minus network and broadcast");
        assertEquals("255.255.255.0", Ipv4.format(s.mask()));
        assertTrue(s.contains(Ipv4.parse("192.168.1.200")));
        assertFalse(s.contains(Ipv4.parse("192.168.2.1")));
    }

    @Test
    @Points(2)
    @DisplayName("5.2 the lecture's 129.65.24.50 with mask 255.255.0.0 is on network 129.65.0.0 with 65534 hosts")
    void test06_mask() {
        Subnet s = Subnet.withMask("129.65.24.50", "255.255.0.0");
        assertEquals(16, s.prefix(), "255.255.0.0 has 16 one-bits");
        assertEquals("129.65.0.0", Ipv4.format(s.network()));
        assertEquals("129.65.255.255", Ipv4.format(s.broadcast()));
        assertEquals(65_534, s.hostCount());
        assertThrows(IllegalArgumentException.class, () -> Subnet.withMask("10.0.0.1", "255.0.255.0"),
                "255.0.255.0 is not a mask: its one-bits must all come first");
    }

    @Test
    @Points(2)
    @DisplayName("5.3 the lecture's URL http://www.csc.calpoly.edu:8080/~mliu/CSC369/hw.html#hw1 splits into its parts")
    void test07_lectureUrl() {
        LectureUrl url = LectureUrl.parse("http://www.csc.calpoly.edu:8080/~mliu/CSC369/hw.html#hw1");
        assertEquals("http", url.protocol());
        assertEquals("www.csc.calpoly.edu", url.host());
        assertEquals(8080, url.port());
        assertEquals("/~mliu/CSC369/hw.html", url.path());
        assertEquals("/~mliu/CSC369/", url.directory());
        assertEquals("hw.html", url.fileName());
        assertEquals("hw1", url.fragment());
    }

    @Test
    @Points(1)
    @DisplayName("5.3 without a port the protocol's well-known port is used; without a fragment it is empty")
    void test08_urlDefaults() {
        LectureUrl url = LectureUrl.parse("http://courses.ischool.berkeley.edu/i206/s12/index.html");
        assertEquals(80, url.port(), "http without a port means port 80");
        assertEquals("courses.ischool.berkeley.edu", url.host());
        assertEquals("/i206/s12/index.html", url.path());
        assertEquals("", url.fragment());
        assertEquals(21, LectureUrl.parse("ftp://ftp.example.org/pub/file.txt").port(), "ftp is port 21");
        assertThrows(IllegalArgumentException.class, () -> LectureUrl.parse("www.example.com/index.html"),
                "a URL without protocol:// should be refused");
    }

    @Test
    @Points(1)
    @DisplayName("5.4 localhost resolves to loopback addresses only; 127.0.0.1 resolves to itself")
    void test09_resolvesLocalhost() throws Exception {
        assertEquals(java.util.List.of("127.0.0.1"), Names.addressesOf("127.0.0.1"),
                "an address literal is its own (only) address");
        assertFalse(Names.addressesOf("localhost").isEmpty(), "localhost should have at least one address");
        assertTrue(Names.isThisMachineOnly("localhost"), "every address of localhost is a loopback address: "
                + Names.addressesOf("localhost"));
    }
}
