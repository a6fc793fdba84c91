package wirelab.rmi;

import java.net.InetAddress;
import java.rmi.NoSuchObjectException;
import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.ExportException;
import java.rmi.server.UnicastRemoteObject;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The INFO server (tasks 1, 4 and 6): puts an {@link InfoStore} into an RMI registry.
 *
 * <p>Start: create a registry on the port (1099 by default; 0 picks a free one), or use the
 * registry that already runs there (e.g. the JDK's {@code rmiregistry} tool); export the store
 * with the lab's deserialization filter; bind its stub under {@link InfoService#NAME}.
 * Stop: unbind, unexport everything. An exported object keeps the JVM alive, so a server that
 * forgets to unexport never ends.
 *
 * <p>Run: {@code java -cp target/classes wirelab.rmi.InfoServer [port]}, stop with Enter.
 */
public final class InfoServer implements AutoCloseable {

    /** The RMI registry's well-known port. */
    public static final int DEFAULT_PORT = Registry.REGISTRY_PORT;

    private final Registry registry;
    private final boolean ownRegistry;
    private final int port;
    private final InfoStore store;
    private final AtomicBoolean closed = new AtomicBoolean();

    private InfoServer(Registry registry, boolean ownRegistry, int port, InfoStore store) {
        this.registry = registry;
        this.ownRegistry = ownRegistry;
        this.port = port;
        this.store = store;
    }

    /** A server on every interface, with a new store. */
    public static InfoServer start(int port) throws RemoteException {
        return start(port, null, new InfoStore());
    }

    /** A server listening on {@code address} only ({@code null}: every interface). */
    public static InfoServer start(int port, InetAddress address) throws RemoteException {
        return start(port, address, new InfoStore());
    }

    /**
     * Creates (or finds) the registry on {@code port}, exports {@code store} with the
     * {@link LabFilter} and binds it as {@link InfoService#NAME}.
     */
    public static InfoServer start(int port, InetAddress address, InfoStore store) throws RemoteException {
        ListenOn registrySockets = new ListenOn(address);
        Registry registry;
        boolean ownRegistry;
        int registryPort;
        try {
            LabFilter.installRegistryFilter();
            registry = LocateRegistry.createRegistry(port, null, registrySockets);
            ownRegistry = true;
            registryPort = registrySockets.port();
        } catch (ExportException taken) {
            if (port == 0) {
                throw taken;
            }
            // someone else (rmiregistry?) already serves this port: bind into theirs
            registry = LocateRegistry.getRegistry(registrySockets.host(), port);
            ownRegistry = false;
            registryPort = port;
        }
        try {
            InfoService stub = (InfoService) UnicastRemoteObject.exportObject(
                    store, 0, null, new ListenOn(address), LabFilter.INSTANCE);
            registry.rebind(InfoService.NAME, stub);
        } catch (RemoteException | RuntimeException e) {
            unexport(store);
            if (ownRegistry) {
                unexport(registry);
            }
            throw e;
        }
        return new InfoServer(registry, ownRegistry, registryPort, store);
    }

    /** The registry's port (the real one when started with port 0). */
    public int port() {
        return port;
    }

    /** True when this server created the registry, false when it bound into one that ran already. */
    public boolean ownsRegistry() {
        return ownRegistry;
    }

    /** The remote object, for tests and for the server's own use. */
    public InfoStore store() {
        return store;
    }

    /** Unbinds the service and unexports the store (and the registry, if it is ours). Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            registry.unbind(InfoService.NAME);
        } catch (NotBoundException alreadyGone) {
            // someone unbound it before us: nothing to undo in the registry
        } catch (RemoteException e) {
            throw new IllegalStateException("could not unbind '" + InfoService.NAME + "': the registry is unreachable", e);
        } finally {
            unexport(store);
            store.close();
            if (ownRegistry) {
                unexport(registry);
            }
        }
    }

    private static void unexport(java.rmi.Remote object) {
        try {
            UnicastRemoteObject.unexportObject(object, true);
        } catch (NoSuchObjectException notExported) {
            // already unexported: fine
        }
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        try (InfoServer server = start(port)) {
            System.out.printf("INFO service bound as '%s' in the registry on port %d (%s registry). Press Enter to stop.%n",
                    InfoService.NAME, server.port(), server.ownsRegistry() ? "its own" : "an existing");
            System.in.read();
        }
    }
}
