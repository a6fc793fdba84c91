package wirelab.sockets;

import static wirelab.testkit.Probes.check;
import static wirelab.testkit.Probes.end;
import static wirelab.testkit.Probes.expect;
import static wirelab.testkit.Probes.setup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import wirelab.sockets.addressing.Names;
import wirelab.sockets.framing.KeyValueServer;
import wirelab.sockets.framing.LengthPrefixFraming;
import wirelab.sockets.framing.LineFraming;
import wirelab.sockets.tcp.EchoClient;
import wirelab.sockets.udp.Datagrams;
import wirelab.sockets.udp.ReliableUdpClient;

/**
 * Runs in a child JVM (see {@link wirelab.testkit.ChildJvm}): {@code charset} checks the student's code where the
 * default charset is ISO-8859-1 (a Windows or old Linux machine), {@code names} resolves names
 * from the hosts file the child was given, {@code all} does both. Prints PASS or FAIL per check (the test kit's {@link wirelab.testkit.Probes}).
 */
public final class PlatformProbes {

    /** Text whose UTF-8 bytes differ from its bytes in any one-byte charset. */
    static final String TEXT = "Grüße, こんにちは";

    private PlatformProbes() {
    }

    public static void main(String[] args) {
        boolean all = args[0].equals("all");
        if (all || args[0].equals("names")) {
            check("Names.addressesOf", () -> expect(List.of("127.0.0.7", "127.0.0.8", "10.0.0.9"),
                    Names.addressesOf("several.wirelab.test"),
                    "Names.addressesOf(\"several.wirelab.test\"), a name with three addresses in the hosts file,"));
            check("Names.isThisMachineOnly", () -> {
                expect(false, Names.isThisMachineOnly("several.wirelab.test"), "isThisMachineOnly(\"several.wirelab.test\")"
                        + " (addresses 127.0.0.7, 127.0.0.8 and 10.0.0.9: the last one is another machine)");
                expect(true, Names.isThisMachineOnly("loopback.wirelab.test"), "isThisMachineOnly(\"loopback.wirelab.test\")"
                        + " (addresses 127.0.0.5 and 127.0.0.6)");
            });
        }
        if (all || args[0].equals("charset")) {
            setup("setup", Charset.defaultCharset().equals(StandardCharsets.ISO_8859_1),
                    "the child JVM's default charset is " + Charset.defaultCharset() + ", not ISO-8859-1");
            check("EchoClient.echo", PlatformProbes::echoClient);
            check("LineFraming", PlatformProbes::lineFraming);
            check("LengthPrefixFraming", PlatformProbes::lengthPrefixFraming);
            check("KeyValueServer", PlatformProbes::keyValueServer);
            check("ReliableUdpClient", PlatformProbes::udpClient);
        }
        end();
    }

    static void echoClient() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = listener.accept()) {
                    s.getInputStream().transferTo(s.getOutputStream());
                } catch (Exception e) {
                    // probe over
                }
            });
            server.setDaemon(true);
            server.start();
            try (EchoClient client = EchoClient.connect("127.0.0.1", listener.getLocalPort(), Duration.ofSeconds(2),
                    Duration.ofSeconds(2))) {
                expect(TEXT, client.echo(TEXT), "echo(\"" + TEXT + "\")");
            }
        }
    }

    static void lineFraming() throws Exception {
        LineFraming lines = new LineFraming();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.write(out, TEXT);
        expect(Arrays.toString((TEXT + "\n").getBytes(StandardCharsets.UTF_8)), Arrays.toString(out.toByteArray()),
                "the bytes write() sends for \"" + TEXT + "\" (UTF-8, then \\n)");
        expect(TEXT, lines.read(new ByteArrayInputStream((TEXT + "\n").getBytes(StandardCharsets.UTF_8))),
                "read() of the UTF-8 line \"" + TEXT + "\"");
    }

    static void lengthPrefixFraming() throws Exception {
        LengthPrefixFraming frames = new LengthPrefixFraming();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.write(out, TEXT);
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] expected = new byte[4 + utf8.length];
        expected[3] = (byte) utf8.length;
        System.arraycopy(utf8, 0, expected, 4, utf8.length);
        expect(Arrays.toString(expected), Arrays.toString(out.toByteArray()),
                "the frame write() sends for \"" + TEXT + "\" (length " + utf8.length + " in UTF-8 bytes, then the bytes)");
        expect(TEXT, frames.read(new ByteArrayInputStream(expected)), "read() of a UTF-8 frame");
    }

    static void keyValueServer() throws Exception {
        try (KeyValueServer server = new KeyValueServer(0, new LineFraming());
             Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 2_000);
            s.setSoTimeout(2_000);
            OutputStream out = s.getOutputStream();
            out.write(("PUT greeting " + TEXT + "\nGET greeting\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] expected = ("OK\nOK " + TEXT + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] got = new byte[expected.length];
            int n = 0;
            try {
                new DataInputStream(in).readFully(got);
                n = got.length;
            } catch (java.io.IOException e) {
                throw new AssertionError("the replies to PUT and GET of \"" + TEXT + "\" should be "
                        + expected.length + " bytes of UTF-8, but fewer came: " + e);
            }
            expect("OK\nOK " + TEXT + "\n", new String(got, 0, n, StandardCharsets.UTF_8),
                    "the replies (in UTF-8) to PUT and GET of \"" + TEXT + "\"");
        }
    }

    static void udpClient() throws Exception {
        try (DatagramSocket fake = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread server = new Thread(() -> {
                try {
                    DatagramPacket in = Datagrams.receiveBuffer();
                    fake.receive(in);
                    Datagrams.Message m = Datagrams.decode(in);
                    fake.send(Datagrams.packet(m.seq(), "echo " + m.text(), in.getSocketAddress()));
                } catch (Exception e) {
                    // probe over
                }
            });
            server.setDaemon(true);
            server.start();
            try (ReliableUdpClient client = new ReliableUdpClient(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), fake.getLocalPort()), Duration.ofSeconds(2), 2)) {
                expect("echo " + TEXT, client.request(TEXT), "request(\"" + TEXT + "\") to a server that echoes it");
            }
        }
    }
}
