package wirelab.sockets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.ChildJvm;
import wirelab.testkit.Points;

/**
 * Hidden: your code on a machine unlike the grading sandbox, in a second JVM: a default charset
 * that is not UTF-8 (Windows, older Linux), and a name with several addresses (a hosts file).
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 40, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HiddenPlatformTest {

    /** One child JVM for both tests (when they run in the same test JVM): a JVM start is most of their cost. */
    private static List<String> probes;

    static synchronized List<String> probes() throws Exception {
        if (probes == null) {
            Path dir = Files.createTempDirectory("hosts");
            Path hosts = dir.resolve("hosts");
            Files.writeString(hosts, String.join("\n",
                    "127.0.0.1 localhost",
                    "127.0.0.7 several.wirelab.test",
                    "127.0.0.8 several.wirelab.test",
                    "10.0.0.9 several.wirelab.test",
                    "127.0.0.5 loopback.wirelab.test",
                    "127.0.0.6 loopback.wirelab.test", ""));
            try {
                probes = ChildJvm.run(List.of("-Dfile.encoding=ISO-8859-1", "-Dsun.jnu.encoding=ISO-8859-1",
                        "-Djdk.net.hosts.file=" + hosts), PlatformProbes.class, "all");
            } finally {
                Files.deleteIfExists(hosts);
                Files.deleteIfExists(dir);
            }
        }
        return probes;
    }

    @Test
    @Points(3)
    @DisplayName("1.4, 2, 3.1 UTF-8 on the wire also where the platform's default charset is not UTF-8 (ISO-8859-1)")
    void test01_utf8WhateverTheDefaultCharset() throws Exception {
        List<String> failed = ChildJvm.failures(probes(), 5, "setup", "EchoClient", "LineFraming",
                "LengthPrefixFraming", "KeyValueServer", "ReliableUdpClient");
        assertTrue(failed.isEmpty(), "in a JVM whose default charset is ISO-8859-1, your code sent or read text"
                + " that is not UTF-8: String.getBytes(), new String(bytes), InputStreamReader and PrintWriter"
                + " without a charset use the platform's default. Pass StandardCharsets.UTF_8.\n  "
                + String.join("\n  ", failed));
    }

    @Test
    @Points(2)
    @DisplayName("5.4 a name with several addresses (from a hosts file) returns all of them, in order")
    void test02_nameWithSeveralAddresses() throws Exception {
        List<String> failed = ChildJvm.failures(probes(), 2, "Names");
        assertTrue(failed.isEmpty(), "with a hosts file that gives a name several addresses, your code missed"
                + " some (InetAddress.getByName returns only the first; getAllByName returns all):\n  "
                + String.join("\n  ", failed));
    }
}
