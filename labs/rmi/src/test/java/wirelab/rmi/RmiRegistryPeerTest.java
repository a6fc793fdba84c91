package wirelab.rmi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.rmi.registry.LocateRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import wirelab.testkit.Loopback;
import wirelab.testkit.Points;
import wirelab.testkit.Tools;
import wirelab.testkit.Waits;

/**
 * Task 5: a real peer. The JDK's own {@code rmiregistry} runs as a separate process, the
 * server binds into it ("locates" the registry instead of creating one), and a client in
 * another JVM looks the service up there. Three processes, one service.
 * Run: {@code ./mvnw test -Dtest=RmiRegistryPeerTest}
 */
@ExtendWith(RmiCleanup.class)
@DisplayName("Task 5: the JDK's rmiregistry and a client in another JVM")
class RmiRegistryPeerTest {

    private static final String JAVA_BIN = System.getProperty("java.home") + File.separator + "bin" + File.separator;

    private Process registry;
    private InfoServer server;

    @TempDir
    Path temp;

    @AfterEach
    void tearDown() throws Exception {
        TestServers.closeAll(server);
        if (registry != null) {
            registry.destroy();
            if (!registry.waitFor(5, TimeUnit.SECONDS)) {
                registry.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Where this lab's compiled main classes are: the registry and the client need them. */
    private static String labClasses() throws Exception {
        return Path.of(InfoService.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Starts rmiregistry on a free port, retrying if another process takes the port first. */
    private int startRegistry() throws Exception {
        Path tool = Tools.require(JAVA_BIN + "rmiregistry", "the JDK's rmiregistry: install a full JDK (openjdk-17-jdk-headless), not a JRE");
        for (int attempt = 1; ; attempt++) {
            int port = Loopback.freePort();
            registry = new ProcessBuilder(tool.toString(),
                    "-J-Djava.class.path=" + labClasses(),          // to load the stub's interface
                    "-J-Djava.rmi.server.hostname=127.0.0.1",
                    "-J-Dsun.rmi.registry.registryFilter=" + LabFilter.REGISTRY_PATTERN,
                    "-J-Xmx64m", "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC",   // a short-lived helper: C1, no G1
                    String.valueOf(port))
                    .redirectErrorStream(true)
                    .redirectOutput(temp.resolve("rmiregistry.log").toFile())
                    .start();
            try {
                Waits.await("rmiregistry to answer on port " + port, Duration.ofSeconds(15))
                        .ignoreExceptions()
                        .until(() -> {
                            if (!registry.isAlive()) {
                                return true;   // stop waiting: it exited (port taken?)
                            }
                            LocateRegistry.getRegistry(TestServers.HOST, port).list();
                            return true;
                        });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("rmiregistry did not answer on port " + port + " within 15 s; its output: "
                        + Files.readString(temp.resolve("rmiregistry.log")), e);
            }
            if (registry.isAlive()) {
                return port;
            }
            if (attempt == 3) {
                throw new AssertionError("rmiregistry exited 3 times; its output: "
                        + Files.readString(temp.resolve("rmiregistry.log")));
            }
        }
    }

    @Test
    @Points(3)
    @DisplayName("the server binds into the JDK's rmiregistry, and a client in another JVM looks the service up there")
    void test01_rmiregistryAndClientInAnotherJvm() throws Exception {
        int port = startRegistry();

        server = TestServers.start(port, new InfoStore(TestServers.CALLBACK_TIMEOUT));
        assertFalse(server.ownsRegistry(), "a registry already runs on port " + port
                + ": the server should bind into it (LocateRegistry.getRegistry), not create its own");
        assertEquals(List.of(InfoService.NAME), List.of(LocateRegistry.getRegistry(TestServers.HOST, port).list()),
                "rmiregistry should list exactly the service's name after the server started");
        server.store().bind("greeting", new Info("hello from the test JVM"));

        Process client = new ProcessBuilder(JAVA_BIN + "java", "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-cp", labClasses(), InfoClient.class.getName(),
                TestServers.HOST, String.valueOf(port), "lookup", "greeting")
                .redirectErrorStream(true)
                .start();
        try {
            assertTrue(client.waitFor(20, TimeUnit.SECONDS), "the client JVM did not finish within 20 s");
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(0, client.exitValue(), "the client JVM should exit with 0; its output: " + output);
            assertEquals("greeting = " + new Info("hello from the test JVM", 1), output,
                    "the client in another JVM should print the value the server holds");
        } finally {
            client.destroyForcibly();
        }
    }
}
