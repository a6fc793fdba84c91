package wirelab.rmi;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import wirelab.testkit.Points;
import wirelab.testkit.Waits;

/**
 * Task 6: an exported object keeps the JVM alive (RMI's non-daemon "RMI Reaper" thread runs
 * while anything is exported). After a clean shutdown no such thread is left.
 * Run: {@code ./mvnw test -Dtest=ShutdownTest}
 */
@ExtendWith(RmiCleanup.class)
@TestMethodOrder(MethodOrderer.MethodName.class)
@DisplayName("Task 6: clean shutdown")
class ShutdownTest {

    private InfoServer server;
    private InfoClient client;

    @AfterEach
    void tearDown() {
        TestServers.closeAll(client, server);
    }

    /** This test judges the JVM's threads: it needs a JVM that no earlier test left dirty. */
    @org.junit.jupiter.api.BeforeEach
    void needsACleanJvm() {
        String dirty = RmiCleanup.leftover();
        if (dirty != null) {
            throw new AssertionError("this test cannot judge your shutdown: " + dirty
                    + ". Fix the test that failed before this one first.");
        }
    }

    private static void assertNoRmiThreadKeepsTheJvmAlive(String after) {
        Waits.await("the RMI runtime's non-daemon threads to end " + after, Duration.ofSeconds(5))
                .until(TestServers::nonDaemonRmiThreads, List::isEmpty);
    }

    @Test
    @Points(2)
    @DisplayName("after the server closes, no non-daemon RMI thread is left")
    void test01_serverCloseUnexportsEverything() throws Exception {
        server = TestServers.start();
        client = TestServers.connect(server);
        client.bind("weather/paris", "sunny");
        client.close();
        server.close();

        assertNoRmiThreadKeepsTheJvmAlive("after client.close() and server.close(): is something still exported?");
    }

    @Test
    @Points(1)
    @DisplayName("a client that subscribed listeners leaves no non-daemon RMI thread after close")
    void test02_clientCloseUnexportsItsListeners() throws Exception {
        server = TestServers.start();
        client = TestServers.connect(server);
        client.subscribe((key, value) -> { });
        client.subscribe((key, value) -> { });
        client.bind("weather/paris", "sunny");
        server.close();
        client.close();

        assertNoRmiThreadKeepsTheJvmAlive("after server.close() and client.close(): did the client unexport every listener it exported?");
    }
}
