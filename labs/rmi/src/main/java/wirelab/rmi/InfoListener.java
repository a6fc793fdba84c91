package wirelab.rmi;

import java.rmi.Remote;
import java.rmi.RemoteException;

/**
 * A callback: the client exports an object with this interface and hands its stub to the
 * server, and the server calls the client back. For this call the client is the server.
 */
public interface InfoListener extends Remote {

    /** {@code key} now holds {@code value}; {@code value} is {@code null} when the key was removed. */
    void changed(String key, Info value) throws RemoteException;
}
