package wirelab.sockets.addressing;

import java.util.Map;

/**
 * Exercise 5.3: a URL in the lecture's format
 * <pre>
 *   protocol://host address[:port]/directory path/file name#section
 *   http://www.csc.calpoly.edu:8080/~mliu/CSC369/hw.html#hw1
 * </pre>
 * parsed by hand (not with {@code java.net.URI}): protocol {@code http}, host
 * {@code www.csc.calpoly.edu}, port {@code 8080}, path {@code /~mliu/CSC369/hw.html} (its
 * directory {@code /~mliu/CSC369/} and file name {@code hw.html}), fragment {@code hw1}.
 *
 * <p>Rules: the protocol is letters (then letters, digits, {@code + - .}) and is returned in
 * lower case; the host is not empty, and an IPv6 literal keeps its brackets ({@code http://[::1]:8080/}
 * has host {@code [::1]}: the port follows the {@code ]}); a port is 1..65535, and without one the protocol's
 * well-known port is used ({@link #WELL_KNOWN_PORTS}, -1 if unknown); a missing path is
 * {@code /}; a missing fragment is {@code ""}.
 *
 * <p>Tests: {@code Part5AddressingTest}.
 */
public record LectureUrl(String protocol, String host, int port, String path, String fragment) {

    /** The lecture's table of well-known ports, for the protocols a URL may name. */
    public static final Map<String, Integer> WELL_KNOWN_PORTS = Map.of(
            "ftp", 21, "telnet", 23, "gopher", 70, "http", 80, "https", 443);

    /** Splits {@code url} into its parts; IllegalArgumentException saying what is wrong otherwise. */
    public static LectureUrl parse(String url) {
        throw new UnsupportedOperationException("TODO: cut at \"://\", then at '#' (fragment), then at the first '/' (path), then the host at ':' (port)");
    }

    /** The path up to and including its last {@code /}: {@code /~mliu/CSC369/}. */
    public String directory() {
        throw new UnsupportedOperationException("TODO: the path up to and including the last '/'");
    }

    /** The path after its last {@code /}: {@code hw.html}; empty for a directory such as {@code /i206/}. */
    public String fileName() {
        throw new UnsupportedOperationException("TODO: the path after the last '/'");
    }
}
