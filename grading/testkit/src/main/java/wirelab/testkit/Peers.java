package wirelab.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The peer programs the labs' tests drive, and the Debian package each comes from: what
 * {@link Needs} names, what {@code ./wirelab doctor} reports, what the grader says is missing.
 */
public final class Peers {

    /** Program → Debian package. */
    private static final Map<String, String> PACKAGES = Map.of(
            "chromium", "chromium",
            "nc", "netcat-openbsd",
            "netcat", "netcat-openbsd",
            "curl", "curl",
            "python3", "python3",
            "wrk", "wrk",
            "bwrap", "bubblewrap");

    private Peers() {
    }

    /** The Debian package that installs the program (its own name when unknown). */
    public static String debianPackage(String program) {
        return PACKAGES.getOrDefault(program, program);
    }

    /** "apt-get install chromium" */
    public static String installHint(String program) {
        return "apt-get install " + debianPackage(program);
    }

    /** One install command for all of them: "apt-get install netcat-openbsd python3". */
    public static String installCommand(List<String> programs) {
        Set<String> packages = new LinkedHashSet<>();
        programs.forEach(p -> packages.add(debianPackage(p)));
        return "apt-get install " + String.join(" ", packages);
    }

    /** The programs not found on PATH, in the order given. */
    public static List<String> missing(List<String> programs) {
        List<String> out = new ArrayList<>();
        for (String p : programs) {
            if (Tools.find(p).isEmpty() && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** "nc is not installed (apt-get install netcat-openbsd)" */
    public static String describeMissing(List<String> missing) {
        return String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not installed ("
                + installCommand(missing) + ")";
    }
}
