package wirelab.sockets.addressing;

/**
 * Exercise 5.2: a subnet mask splits an address into network and host parts (lecture:
 * "which portion of the host address is used for the subnet identification is determined by a
 * subnet mask"). A mask is {@code prefix} one-bits followed by zero-bits; {@code /24} is
 * {@code 255.255.255.0}.
 * <pre>
 *   network   = address AND mask              192.168.1.77/24 → 192.168.1.0
 *   broadcast = network OR (NOT mask)                          → 192.168.1.255
 *   hosts     = 2^(32-prefix) - 2                              → 254
 * </pre>
 * (network and broadcast address are not given to hosts; a /31 is a point-to-point link with
 * 2 hosts and a /32 is a single host, RFC 3021.)
 *
 * <p>Tests: {@code Part5AddressingTest}.
 */
public record Subnet(int address, int prefix) {

    public Subnet {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix must be 0..32, was " + prefix);
        }
    }

    /** Parses {@code "192.168.1.77/24"}. */
    public static Subnet parseCidr(String cidr) {
        throw new UnsupportedOperationException("TODO: split at '/', parse the address with Ipv4.parse and the prefix as 0..32");
    }

    /** An address with a dotted mask, {@code ("129.65.24.50", "255.255.0.0")}; refuses masks whose one-bits are not contiguous. */
    public static Subnet withMask(String address, String mask) {
        throw new UnsupportedOperationException("TODO: parse the mask, check it is ones then zeros, its prefix is the number of ones");
    }

    /** The mask as 32 bits: {@code prefix} ones, then zeros. */
    public static int maskOf(int prefix) {
        throw new UnsupportedOperationException("TODO: prefix one-bits followed by zero-bits (careful: in Java, x << 32 == x)");
    }

    public int mask() {
        return maskOf(prefix);
    }

    public int network() {
        throw new UnsupportedOperationException("TODO: the address with its host bits cleared");
    }

    public int broadcast() {
        throw new UnsupportedOperationException("TODO: the network with all host bits set");
    }

    /** How many addresses can be given to hosts (a long: /0 has more than an int holds). */
    public long hostCount() {
        throw new UnsupportedOperationException("TODO: 2^(host bits) minus network and broadcast; /31 has 2 and /32 has 1");
    }

    /** True when {@code other} lies in this subnet. */
    public boolean contains(int other) {
        throw new UnsupportedOperationException("TODO: same network bits under this mask");
    }
}
