package wirelab.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import wirelab.testkit.Needs;
import wirelab.testkit.Points;
import wirelab.testkit.Tools;

/** Hidden: curl as a real client (Debian package curl). */
@Timeout(60)
@TestMethodOrder(MethodOrderer.MethodName.class)
class CurlTest {

    @TempDir
    Path tmp;

    @Test
    @Points(2)
    @Needs("curl")
    @DisplayName("curl fetches two URLs over ONE kept-alive connection")
    void test01_curlReusesTheConnection() throws Exception {
        Path curl = Tools.require("curl", "apt-get install curl");
        try (TestServer server = new TestServer(Part5ServerTest.app())) {
            Processes.Result r = Processes.run(List.of(curl.toString(), "-sS", "-v", "--max-time", "20",
                    server.uri("/echo/a").toString(), server.uri("/echo/b").toString()), tmp, 30);
            assertEquals(0, r.exit(), "curl's exit code; its stderr:\n" + Processes.tail(r.err()));
            assertEquals("/echo/a/echo/b", r.out(), "the two bodies, one after the other");
            assertEquals(1, server.server.connectionsAccepted(),
                    "curl should have reused its connection for the second URL (keep-alive); curl said:\n"
                            + Processes.tail(r.err()));
        }
    }

    @Test
    @Points(2)
    @Needs("curl")
    @DisplayName("curl POSTs a form and gets the answer; curl -I (HEAD) gets headers only")
    void test02_curlPostAndHead() throws Exception {
        Path curl = Tools.require("curl", "apt-get install curl");
        try (TestServer server = new TestServer(Part5ServerTest.app())) {
            Processes.Result post = Processes.run(List.of(curl.toString(), "-sS", "--max-time", "20",
                    "--data-binary", "name=Ada&lang=java", server.uri("/echo/form").toString()), tmp, 30);
            assertEquals(0, post.exit(), "curl's exit code; its stderr:\n" + Processes.tail(post.err()));
            assertEquals("/echo/form:name=Ada&lang=java", post.out(), "the echoed POST body");
            Processes.Result head = Processes.run(List.of(curl.toString(), "-sS", "-I", "--max-time", "20",
                    server.uri("/hello").toString()), tmp, 30);
            assertEquals(0, head.exit(), "curl -I exit code; its stderr:\n" + Processes.tail(head.err()));
            assertTrue(head.out().startsWith("HTTP/1.1 200"), "curl -I output:\n" + head.out());
            assertTrue(head.out().toLowerCase().contains("content-length:"), "curl -I shows Content-Length:\n" + head.out());
        }
    }
}
