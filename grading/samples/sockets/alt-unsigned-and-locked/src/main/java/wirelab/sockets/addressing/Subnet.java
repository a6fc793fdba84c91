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
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("\"" + cidr + "\" has no /prefix");
        }
        String prefix = cidr.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,2}")) {
            throw new IllegalArgumentException("\"" + cidr + "\": prefix \"" + prefix + "\" is not 0..32");
        }
        return new Subnet(Ipv4.parse(cidr.substring(0, slash)), Integer.parseInt(prefix));
    }

    /** An address with a dotted mask, {@code ("129.65.24.50", "255.255.0.0")}; refuses masks whose one-bits are not contiguous. */
    public static Subnet withMask(String address, String mask) {
        int bits = Ipv4.parse(mask);
        int prefix = Integer.bitCount(bits);
        if (maskOf(prefix) != bits) {
            throw new IllegalArgumentException("\"" + mask + "\" is not a subnet mask: its one-bits are not all at the front");
        }
        return new Subnet(Ipv4.parse(address), prefix);
    }

    /** The mask as 32 bits: {@code prefix} ones, then zeros. */
    public static int maskOf(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    public int mask() {
        return maskOf(prefix);
    }

    public int network() {
        return address & mask();
    }

    public int broadcast() {
        return network() | ~mask();
    }

    /** How many addresses can be given to hosts (a long: /0 has more than an int holds). */
    public long hostCount() {
        if (prefix == 32) {
            return 1;
        }
        if (prefix == 31) {
            return 2;
        }
        return (1L << (32 - prefix)) - 2;
    }

    /** True when {@code other} lies in this subnet. */
    public boolean contains(int other) {
        return Integer.compareUnsigned(network(), other) <= 0 && Integer.compareUnsigned(other, broadcast()) <= 0;
    }
}
