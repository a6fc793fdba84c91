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
        int colon = url.indexOf("://");
        if (colon <= 0) {
            throw new IllegalArgumentException("\"" + url + "\" has no protocol:// at the start");
        }
        String protocol = url.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        if (!protocol.matches("[a-z][a-z0-9+.-]*")) {
            throw new IllegalArgumentException("\"" + url + "\": \"" + protocol + "\" is not a protocol name");
        }
        String rest = url.substring(colon + 3);
        String fragment = "";
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String path = slash >= 0 ? rest.substring(slash) : "/";
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\[[^\\[\\]]+\\]|[^\\[\\]:]*)(?::([0-9]{1,5}))?")
                .matcher(authority);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + url + "\": bad host or port \"" + authority + "\"");
        }
        String host = m.group(1);
        int port = WELL_KNOWN_PORTS.getOrDefault(protocol, -1);
        if (m.group(2) != null) {
            port = Integer.parseInt(m.group(2));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("\"" + url + "\": port " + port + " is not 1..65535");
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("\"" + url + "\" has no host");
        }
        return new LectureUrl(protocol, host, port, path, fragment);
    }

    /** The path up to and including its last {@code /}: {@code /~mliu/CSC369/}. */
    public String directory() {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /** The path after its last {@code /}: {@code hw.html}; empty for a directory such as {@code /i206/}. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
