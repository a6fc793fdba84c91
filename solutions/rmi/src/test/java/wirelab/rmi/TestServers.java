package wirelab.rmi;

import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.ExportException;
import java.rmi.server.UnicastRemoteObject;
import java.time.Duration;
import java.util.List;
import wirelab.testkit.Loopback;

/**
 * What every test of this lab shares: a server on loopback with an ephemeral registry port,
 * a client for it, and a look at the JVM's RMI threads. Not graded.
 */
final class TestServers {

    static {
        // Stubs carry the host name clients dial: keep everything on loopback.
        // Must be set before the RMI runtime starts, hence here, in the class every test loads.
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
    }

    /** Callbacks time out quickly in tests, so a stuck listener is dropped after a second. */
    static final Duration CALLBACK_TIMEOUT = Duration.ofSeconds(1);

    static final String HOST = Loopback.ADDRESS.getHostAddress();

    private TestServers() {
    }

    /** A server on loopback, registry on a free port. */
    static InfoServer start() throws RemoteException {
        return start(0, new InfoStore(CALLBACK_TIMEOUT));
    }

    /**
     * A server on loopback with {@code store}, its registry on {@code port} (0: a free one);
     * cleaned up after the test whatever happens. A port clash says whose it probably is.
     */
    static InfoServer start(int port, InfoStore store) throws RemoteException {
        if (port != 0) {
            requirePortZeroWorks();
        }
        InfoServer server;
        try {
            server = RmiCleanup.track(InfoServer.start(port, Loopback.ADDRESS, store));
        } catch (ExportException e) {
            String dirty = RmiCleanup.leftover();
            throw new AssertionError("InfoServer.start(" + port + ", ...) could not export: " + e.getMessage()
                    + (port == 0 ? ". Port 0 means \"any free port\": does start() create its registry on a fixed"
                            + " port (1099?) instead of the port it is given?" : "")
                    + (dirty == null ? "" : " Note: " + dirty + "."), e);
        }
        // a fixed port would make the result depend on who else uses it: fail the same way every time
        if (port == 0 ? server.port() == InfoServer.DEFAULT_PORT : server.port() != port) {
            throw new AssertionError("InfoServer.start(" + port + ", ...) put its registry on port " + server.port()
                    + (port == 0 ? ", but port 0 means \"any free port\" (read the real one back from the ListenOn)"
                            : ", but it was asked for port " + port) + ": does start() use a fixed port (1099?)"
                    + " instead of the port it is given?");
        }
        return server;
    }

    private static boolean portZeroChecked;
    private static String portZeroProblem;

    /**
     * A server that ignores the port it is given (always 1099, say) would pass or fail a test on a
     * given port depending on whether someone else holds 1099 at that moment. So before the first
     * such test, start(0) is tried once per JVM; if it fails that way, every such test fails with
     * the same message, whatever else runs on the machine.
     */
    static synchronized void requirePortZeroWorks() {
        if (!portZeroChecked) {
            portZeroChecked = true;
            try {
                start().close();
            } catch (AssertionError e) {
                portZeroProblem = e.getMessage();
            } catch (Exception | LinkageError other) {
                // another mistake: the test itself will show it
            }
        }
        if (portZeroProblem != null) {
            throw new AssertionError("this test starts a server on a given port, but " + portZeroProblem);
        }
    }

    static InfoClient connect(InfoServer server) throws InfoUnavailableException {
        return RmiCleanup.track(InfoClient.connect(HOST, server.port()));
    }

    /** A registry the test makes itself (the "one that already runs"), unexported after the test. */
    static Registry createRegistry(int port) throws RemoteException {
        return RmiCleanup.track(LocateRegistry.createRegistry(port, null, new ListenOn(Loopback.ADDRESS)));
    }

    /** Names of live non-daemon threads of the RMI runtime ("RMI Reaper" keeps the JVM alive). */
    static List<String> nonDaemonRmiThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && t.getName().startsWith("RMI "))
                .map(Thread::getName)
                .sorted()
                .toList();
    }

    /** Closes what a test opened, even when the test failed half-way. */
    static void closeAll(AutoCloseable... things) {
        for (AutoCloseable thing : things) {
            if (thing == null) {
                continue;
            }
            try {
                thing.close();
            } catch (Exception ignored) {
                // a starter's close may still be a TODO
            }
        }
    }

    /** Unexports an object a test exported itself (a listener). */
    static void unexport(java.rmi.Remote object) {
        try {
            UnicastRemoteObject.unexportObject(object, true);
        } catch (java.rmi.NoSuchObjectException alreadyGone) {
            // fine
        }
    }

    /** Exports an object the test made (a listener) on loopback and returns its stub. */
    static <T extends java.rmi.Remote> T export(T object, Class<T> type) throws RemoteException {
        RmiCleanup.track(object);
        return type.cast(UnicastRemoteObject.exportObject(object, 0, null, new ListenOn(Loopback.ADDRESS), null));
    }
}
