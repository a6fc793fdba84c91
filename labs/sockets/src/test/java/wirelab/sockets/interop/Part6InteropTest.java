package wirelab.sockets.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import wirelab.sockets.framing.KeyValueServer;
import wirelab.sockets.framing.LineFraming;
import wirelab.sockets.tcp.EchoClient;
import wirelab.sockets.tcp.ThreadPerConnectionEchoServer;
import wirelab.testkit.Needs;
import wirelab.testkit.Points;
import wirelab.testkit.Tools;

/**
 * Part 6, heterogeneity in practice: a protocol is a contract between programs in different
 * languages. The lecture's Python echo pair and Debian's nc talk to your Java code.
 * (Missing python3 or nc skips these tests on a laptop; CI requires them.)
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Part6InteropTest {

    @TempDir
    Path scratch;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private Path resource(String name) throws IOException {
        Path target = scratch.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/" + name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private Process start(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(p);
        return p;
    }

    /** Runs a client program to its end, at most 10 s, with its output in a file; returns the output. */
    private String runClient(ProcessBuilder command, String what) throws Exception {
        Path output = Files.createTempFile(scratch, "output", ".txt");
        Process p = command.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        processes.add(p);
        boolean done = p.waitFor(10, TimeUnit.SECONDS);
        String printed = Files.readString(output);
        if (!done) {
            p.destroyForcibly();
            fail(what + " got no complete answer within 10 s (is your server accepting, answering and closing?)."
                    + " It printed: \"" + printed.strip() + "\"");
        }
        return printed;
    }

    @Test
    @Points(2)
    @Needs("python3")
    @DisplayName("6 the lecture's Python EchoClient gets \"Hello, world\" back from your Java echo server")
    void test01_pythonClientAgainstJavaServer() throws Exception {
        Path python = Tools.require("python3", "apt-get install python3");
        Path client = resource("echo_client.py");
        try (ThreadPerConnectionEchoServer server = new ThreadPerConnectionEchoServer(0)) {
            String output = runClient(new ProcessBuilder(python.toString(), client.toString(),
                    Integer.toString(server.port())), "python3 echo_client.py");
            assertEquals("Received: Hello, world", output.strip(),
                    "the Python client should print what your server echoed");
        }
    }

    @Test
    @Points(2)
    @Needs("python3")
    @DisplayName("6 your Java EchoClient talks to the lecture's Python EchoServer")
    void test02_javaClientAgainstPythonServer() throws Exception {
        Path python = Tools.require("python3", "apt-get install python3");
        Process server = start(List.of(python.toString(), "-u", resource("echo_server.py").toString(), "0"));
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String first = lines.readLine(); // "listening on PORT"; the test's timeout bounds this read
        assertTrue(first != null && first.startsWith("listening on "), "the Python server did not start: " + first);
        int port = Integer.parseInt(first.substring("listening on ".length()).strip());
        try (EchoClient client = EchoClient.connect("127.0.0.1", port, Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            assertEquals("Hello, world", client.echo("Hello, world"));
            assertEquals("Grüße aus Java", client.echo("Grüße aus Java"), "UTF-8 bytes should survive the round trip");
        }
    }

    @Test
    @Points(2)
    @Needs("nc")
    @DisplayName("6 nc (netcat) as the client: PUT and GET lines to your key-value server get OK replies")
    void test03_netcatAgainstKeyValueServer() throws Exception {
        Path nc = Tools.require("nc", "apt-get install netcat-openbsd");
        Path input = scratch.resolve("requests.txt");
        Files.writeString(input, "PUT lecture sockets\r\nGET lecture\nFETCH x\n");
        try (KeyValueServer server = new KeyValueServer(0, new LineFraming())) {
            List<String> command = new ArrayList<>(List.of(nc.toString()));
            command.addAll(Netcat.closeAfterInputOptions(nc));
            command.addAll(List.of("127.0.0.1", Integer.toString(server.port())));
            String output = runClient(new ProcessBuilder(command).redirectInput(input.toFile()), String.join(" ", command));
            assertEquals("OK\nOK sockets\nERR unknown command: FETCH\n", output,
                    "nc sent three request lines (the first ending in \\r\\n, like telnet) and should print three replies");
        }
    }
}
