package wirelab.sockets.addressing;

/**
 * Exercise 5.1: IPv4 addresses as the lecture draws them: 32 bits, written as four decimal
 * numbers 0..255 ("dotted quad"). Held here as one {@code int} (bit 31 = first bit of the
 * first octet), which makes masks and classes plain bit arithmetic.
 *
 * <p>Tests: {@code Part5AddressingTest}.
 */
public final class Ipv4 {

    /** The historical classes, told apart by the first bits of the address (lecture figure 3.15). */
    public enum AddressClass {
        /** 0xxx: 0.0.0.0 to 127.255.255.255 (0 and 127 reserved). */ A,
        /** 10xx: 128.0.0.0 to 191.255.255.255. */ B,
        /** 110x: 192.0.0.0 to 223.255.255.255. */ C,
        /** 1110: 224.0.0.0 to 239.255.255.255, multicast. */ D,
        /** 1111: 240.0.0.0 to 255.255.255.255, reserved. */ E
    }

    private Ipv4() {
    }

    /**
     * The 32-bit address written in {@code dotted}: exactly four parts separated by dots, each
     * 1 to 3 decimal digits with a value 0..255 and no leading zero ("010" is refused: some
     * tools read it as octal). No spaces, signs or empty parts.
     *
     * @throws IllegalArgumentException saying what is wrong, for anything else
     */
    public static int parse(String dotted) {
        throw new UnsupportedOperationException("TODO: split into four parts, check each is 0..255 written in decimal without a leading zero, combine them into 32 bits");
    }

    /** The dotted quad of a 32-bit address: {@code format(parse(s))} equals {@code s} for every valid {@code s}. */
    public static String format(int address) {
        throw new UnsupportedOperationException("TODO: print the four octets, first octet = the top 8 bits");
    }

    /** The address's class, from its leading bits. */
    public static AddressClass classOf(int address) {
        throw new UnsupportedOperationException("TODO: look at the leading bits: 0 → A, 10 → B, 110 → C, 1110 → D, 1111 → E");
    }

    /** True for the private ranges (RFC 1918): 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16. */
    public static boolean isPrivate(int address) {
        throw new UnsupportedOperationException("TODO: compare the address under each range's mask with the range's network");
    }

    /** True for 127.0.0.0/8, the loopback network (the lecture's "127 reserved"). */
    public static boolean isLoopback(int address) {
        return (address >>> 24) == 127;
    }
}
