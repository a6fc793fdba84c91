package wirelab.rmi;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.rmi.NoSuchObjectException;
import java.rmi.NotBoundException;
import java.rmi.RemoteException;
import java.rmi.registry.LocateRegistry;
import java.rmi.server.UnicastRemoteObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * A client of the INFO service (tasks 1 and 3): looks the service up by name in the registry
 * and calls it. Where the service runs is one string and one port (location transparency);
 * calling it reads like a local call (access transparency). What RMI cannot hide is partial
 * failure: every call may fail, and this class turns a {@link RemoteException} into an
 * {@link InfoUnavailableException} whose message says which server and what went wrong.
 *
 * <p>Run: {@code java -cp target/classes wirelab.rmi.InfoClient HOST PORT lookup KEY}
 * (also {@code bind KEY TEXT}, {@code list [PREFIX]}, {@code remove KEY}).
 */
public final class InfoClient implements AutoCloseable {

    private final String where;
    private final InfoService service;
    private final ListenOn callbackSockets;
    private final Set<InfoListener> exported = ConcurrentHashMap.newKeySet();

    private InfoClient(String where, InfoService service, ListenOn callbackSockets) {
        this.where = where;
        this.service = service;
        this.callbackSockets = callbackSockets;
    }

    /** Looks the service up in the registry at {@code host:port}. */
    public static InfoClient connect(String host, int port) throws InfoUnavailableException {
        String where = host + ":" + port;
        try {
            InfoService service = (InfoService) LocateRegistry.getRegistry(host, port).lookup(InfoService.NAME);
            return new InfoClient(where, service, new ListenOn(callbackAddress(host)));
        } catch (NotBoundException e) {
            throw new InfoUnavailableException("the registry at " + where + " has no service named '"
                    + InfoService.NAME + "': is the INFO server started?", e);
        } catch (RemoteException e) {
            throw unavailable(where, e);
        }
    }

    public Info bind(String key, String text) throws InfoUnavailableException {
        try {
            return service.bind(key, new Info(text));
        } catch (RemoteException e) {
            throw unavailable(where, e);
        }
    }

    public Optional<Info> lookup(String key) throws InfoUnavailableException {
        try {
            return Optional.ofNullable(service.lookup(key));
        } catch (RemoteException e) {
            throw unavailable(where, e);
        }
    }

    public List<String> list(String prefix) throws InfoUnavailableException {
        try {
            return service.list(prefix);
        } catch (RemoteException e) {
            throw unavailable(where, e);
        }
    }

    public boolean remove(String key) throws InfoUnavailableException {
        try {
            return service.remove(key);
        } catch (RemoteException e) {
            throw unavailable(where, e);
        }
    }

    /**
     * Calls {@code onChange} with every change the server reports (value {@code null}: removed).
     * The callback runs on an RMI thread: keep it short. Returns the listener, for {@link #unsubscribe}.
     */
    public InfoListener subscribe(BiConsumer<String, Info> onChange) throws InfoUnavailableException {
        InfoListener listener = onChange::accept;
        try {
            InfoListener stub = (InfoListener) UnicastRemoteObject.exportObject(
                    listener, 0, null, callbackSockets);
            exported.add(listener);
            service.addListener(stub);
        } catch (RemoteException e) {
            unexport(listener);
            throw unavailable(where, e);
        }
        return listener;
    }

    /** Stops the callbacks to {@code listener} and unexports it. */
    public void unsubscribe(InfoListener listener) throws InfoUnavailableException {
        try {
            service.removeListener((InfoListener) UnicastRemoteObject.toStub(listener));
        } catch (RemoteException e) {
            throw unavailable(where, e);
        } finally {
            unexport(listener);
        }
    }

    /** Unexports every listener this client exported: without it, the client's JVM never ends. */
    @Override
    public void close() {
        exported.forEach(this::unexport);
    }

    private void unexport(InfoListener listener) {
        exported.remove(listener);
        try {
            UnicastRemoteObject.unexportObject(listener, true);
        } catch (NoSuchObjectException notExported) {
            // never exported or already gone
        }
    }

    /** A message a user can act on: which service, what happened, what to check. */
    static InfoUnavailableException unavailable(String where, RemoteException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        String why;
        if (e instanceof java.rmi.ConnectException || cause instanceof ConnectException) {
            why = "nothing answers there (connection refused): is the server running?";
        } else if (e instanceof NoSuchObjectException) {
            why = "the server has shut the service down";
        } else {
            why = "the call failed on the way: " + cause;
        }
        return new InfoUnavailableException("INFO service at " + where + " is unreachable: " + why, e);
    }

    /** Callbacks listen where the server can reach us: on loopback when the server is on loopback. */
    private static InetAddress callbackAddress(String host) {
        try {
            InetAddress server = InetAddress.getByName(host);
            return server.isLoopbackAddress() ? server : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: InfoClient HOST PORT lookup KEY | bind KEY TEXT | list [PREFIX] | remove KEY");
            System.exit(64);
        }
        try (InfoClient client = connect(args[0], Integer.parseInt(args[1]))) {
            switch (args[2]) {
                case "lookup" -> System.out.println(args[3] + " = "
                        + client.lookup(args[3]).map(Info::toString).orElse("(not bound)"));
                case "bind" -> System.out.println(args[3] + " = " + client.bind(args[3], args[4]));
                case "list" -> client.list(args.length > 3 ? args[3] : "").forEach(System.out::println);
                case "remove" -> System.out.println(client.remove(args[3]) ? "removed" : "(not bound)");
                default -> {
                    System.err.println("unknown command: " + args[2]);
                    System.exit(64);
                }
            }
        } catch (InfoUnavailableException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}

