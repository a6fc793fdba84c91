package wirelab.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * External programs a test drives as a real peer (python3, nc, curl, chromium, rmiregistry).
 * On a student's laptop a missing tool skips the test with a note; on CI ({@code CI=true}) or
 * when {@code WIRELAB_REQUIRE_TOOLS=1}, a missing tool fails it, so a green build means the
 * interop test really ran.
 */
public final class Tools {

    private Tools() {
    }

    /** The tool's path on PATH (or the absolute path given), if it is there and executable. */
    public static Optional<Path> find(String name) {
        if (name.contains(File.separator)) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The tool's path; skips the test when it is missing, or fails it on CI. */
    public static Path require(String name, String installHint) {
        Optional<Path> found = find(name);
        if (found.isPresent()) {
            return found.get();
        }
        String message = name + " is not installed (" + installHint + ")";
        if (mustHaveTools()) {
            throw new AssertionError(message + ": required here because CI=true or WIRELAB_REQUIRE_TOOLS=1");
        }
        Assumptions.abort(message + ": test skipped");
        throw new IllegalStateException("unreachable");
    }

    static boolean mustHaveTools() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "1".equals(System.getenv("WIRELAB_REQUIRE_TOOLS"));
    }
}
