package wirelab.rmi;

import java.rmi.Remote;
import java.rmi.RemoteException;
import java.util.List;

/**
 * The INFO service's remote interface: string keys mapped to {@link Info} values.
 *
 * <p>Every method may throw {@link RemoteException}: a remote call looks like a local one
 * (access transparency) but can fail half-way (partial failure), and the caller must decide
 * what to do about it. Arguments and results travel by copy; listeners travel as stubs.
 */
public interface InfoService extends Remote {

    /** The name the service is bound under in the RMI registry. */
    String NAME = "info";

    /** Stores {@code value} under {@code key} and returns what was stored (with its new version). */
    Info bind(String key, Info value) throws RemoteException;

    /** The value under {@code key}, or {@code null} when the key is not bound. */
    Info lookup(String key) throws RemoteException;

    /** The bound keys that start with {@code prefix} ("" for all), sorted. */
    List<String> list(String prefix) throws RemoteException;

    /** Removes {@code key}; {@code true} when it was bound. */
    boolean remove(String key) throws RemoteException;

    /** From now on, {@code listener} hears about every bind and remove. */
    void addListener(InfoListener listener) throws RemoteException;

    /** Stops telling {@code listener} about changes. */
    void removeListener(InfoListener listener) throws RemoteException;
}
