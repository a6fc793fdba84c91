package wirelab.sockets.addressing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise 5.4: names for humans, numbers for the network. {@link InetAddress#getAllByName}
 * asks the system's resolver (the hosts file first, then DNS) for every address of a name;
 * an address literal such as {@code 127.0.0.1} comes back as is, without asking anyone.
 * The tests stay on this machine: they only resolve {@code localhost} and literals.
 *
 * <p>Tests: {@code Part5AddressingTest}.
 */
public final class Names {

    private Names() {
    }

    /** Every address of {@code host}, as text ({@code "127.0.0.1"}, {@code "0:0:0:0:0:0:0:1"}), in the resolver's order. */
    public static List<String> addressesOf(String host) throws UnknownHostException {
        throw new UnsupportedOperationException("TODO: InetAddress.getAllByName, then getHostAddress() of each");
    }

    /** True when every address of {@code host} is a loopback address: talking to it never leaves this machine. */
    public static boolean isThisMachineOnly(String host) throws UnknownHostException {
        throw new UnsupportedOperationException("TODO: resolve the name and check isLoopbackAddress() on each address");
    }
}
