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
        if (dotted == null) {
            throw new IllegalArgumentException("no address given");
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})"
                + "\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})").matcher(dotted);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + dotted + "\" is not four decimal numbers separated by dots");
        }
        int address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                throw new IllegalArgumentException("\"" + dotted + "\": " + octet + " is above 255");
            }
            address = address << 8 | octet;
        }
        return address;
    }

    /** The dotted quad of a 32-bit address: {@code format(parse(s))} equals {@code s} for every valid {@code s}. */
    public static String format(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    /** The address's class, from its leading bits. */
    public static AddressClass classOf(int address) {
        if ((address & 0x8000_0000) == 0) {
            return AddressClass.A;
        }
        if ((address & 0xC000_0000) == 0x8000_0000) {
            return AddressClass.B;
        }
        if ((address & 0xE000_0000) == 0xC000_0000) {
            return AddressClass.C;
        }
        if ((address & 0xF000_0000) == 0xE000_0000) {
            return AddressClass.D;
        }
        return AddressClass.E;
    }

    /** True for the private ranges (RFC 1918): 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16. */
    public static boolean isPrivate(int address) {
        return (address & 0xFF00_0000) == 0x0A00_0000
                || (address & 0xFFF0_0000) == 0xAC10_0000
                || (address & 0xFFFF_0000) == 0xC0A8_0000;
    }

    /** True for 127.0.0.0/8, the loopback network (the lecture's "127 reserved"). */
    public static boolean isLoopback(int address) {
        return (address >>> 24) == 127;
    }
}
