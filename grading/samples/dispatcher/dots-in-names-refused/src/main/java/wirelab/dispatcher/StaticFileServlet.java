package wirelab.dispatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Task 4: serves the files under a root folder, e.g. mapped at {@code /static/*}:
 * {@code GET /static/css/site.css} sends {@code ROOT/css/site.css} with
 * {@code Content-Type: text/css} and {@code Last-Modified}. A client that already has the file
 * sends {@code If-Modified-Since}; if the file has not changed since, the answer is
 * {@code 304 Not Modified} with no body.
 *
 * <p>Security: the path comes from the client. {@code /static/../../etc/passwd},
 * {@code /static/%2e%2e/secret}, {@code /static//etc/passwd} and {@code /static/a%2fb} must never
 * reach a file outside the root: they get 403 or 404.
 */
public class StaticFileServlet extends HttpServlet {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"), Map.entry("json", "application/json"),
            Map.entry("txt", "text/plain"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/x-icon"), Map.entry("pdf", "application/pdf"));

    private final Path root;

    public StaticFileServlet(Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("no such folder: " + root, e);
        }
    }

    @Override
    protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
        Optional<Path> file = resolve(request);
        if (file.isEmpty()) {
            response.sendError(404, "no such file: " + request.getPath());
            return;
        }
        Path path = file.get();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            response.sendError(Files.exists(path) ? 403 : 404, "no such file: " + request.getPath());
            return;
        }
        Instant modified = Files.getLastModifiedTime(path).toInstant().truncatedTo(ChronoUnit.SECONDS);
        // BEGIN SOLUTION
        response.setHeader("Last-Modified", HttpDates.format(modified));
        Optional<Instant> since = HttpDates.parse(request.getHeader("If-Modified-Since"));
        if (since.isPresent() && !modified.isAfter(since.get())) {
            response.setStatus(304);
            return;
        }
        // STARTER
        // // TODO: send Last-Modified; answer 304 Not Modified when If-Modified-Since is not older than the file
        // END SOLUTION
        response.setContentType(contentType(path));
        response.getOutputStream().write(Files.readAllBytes(path));   // one array of the file's size
    }

    /**
     * The file the request names, inside the root; empty when the path tries to leave the root
     * (or is otherwise not a plain relative file name).
     */
    Optional<Path> resolve(HttpRequest request) {
        String raw = request.getRequestURI().toLowerCase(Locale.ROOT);
        String relative = request.getPathInfo() == null ? request.getPath() : request.getPathInfo();
        // BEGIN SOLUTION
        // An encoded slash or backslash would turn into a separator only after decoding: refuse it.
        if (raw.contains("%2f") || raw.contains("%5c") || raw.contains("%00")
                || relative.contains("\\") || relative.contains("\0") || relative.contains("..")) {
            return Optional.empty();
        }
        // No empty, "." or ".." segments, so "//etc/passwd" cannot become an absolute path.
        String trimmed = relative.startsWith("/") ? relative.substring(1) : relative;
        for (String segment : trimmed.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                return Optional.empty();
            }
        }
        Path file = root.resolve(trimmed).normalize();
        if (!file.startsWith(root)) {
            return Optional.empty();
        }
        // A symbolic link inside the root may still point outside it.
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !file.toRealPath().startsWith(root)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(file);
        // STARTER
        // return Optional.of(root.resolve(relative.substring(1)));   // TODO: never leave the root (.., %2e%2e, //, %2f)
        // END SOLUTION
    }

    /** Content-Type by file extension; unknown types are plain bytes. */
    static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        // BEGIN SOLUTION
        return TYPES.getOrDefault(ext, "application/octet-stream");
        // STARTER TODO: look the extension up in TYPES; unknown extensions are application/octet-stream
        // END SOLUTION
    }
}
