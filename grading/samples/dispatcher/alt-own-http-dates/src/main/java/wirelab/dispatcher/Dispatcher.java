package wirelab.dispatcher;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Task 3: chooses the servlet for a request path with the Servlet specification's rules
 * (Servlet 4.0, chapter 12), tried in this order, first match wins:
 *
 * <ol>
 *   <li>exact: {@code /catalog} matches only {@code /catalog};</li>
 *   <li>longest path prefix: {@code /foo/bar/*} matches {@code /foo/bar} and everything under it,
 *       and beats {@code /foo/*}; {@code /*} matches every path;</li>
 *   <li>extension: {@code *.bop} matches a path whose last segment ends in {@code .bop};</li>
 *   <li>default: {@code /} matches whatever is left. No default: 404.</li>
 * </ol>
 *
 * With {@code /foo/bar/*}, {@code /baz/*}, {@code /catalog} and {@code *.bop} mapped:
 * {@code /foo/bar/index.bop} goes to {@code /foo/bar/*} (prefix beats extension),
 * {@code /catalog/index.html} to the default, {@code /catalog/racecar.bop} to {@code *.bop}.
 */
public final class Dispatcher {

    /** The servlet chosen for a path, and how the path splits into servlet path and path info. */
    public record Match(Servlet servlet, String pattern, String servletPath, String pathInfo) {
    }

    private final Map<String, Servlet> exact = new HashMap<>();
    private final Map<String, Servlet> prefix = new HashMap<>();      // "/foo/bar" for "/foo/bar/*", "" for "/*"
    private final Map<String, Servlet> extension = new HashMap<>();   // "bop" for "*.bop"
    private Servlet defaultServlet;
    private final List<Servlet> servlets = new ArrayList<>();

    /**
     * Maps a pattern: {@code /exact}, {@code /prefix/*}, {@code *.ext} or {@code /}.
     * Add all mappings before the server starts.
     */
    public Dispatcher map(String pattern, Servlet servlet) {
        if (pattern.equals("/")) {
            defaultServlet = servlet;
        } else if (pattern.equals("/*")) {
            prefix.put("", servlet);
        } else if (pattern.startsWith("/") && pattern.endsWith("/*")) {
            prefix.put(pattern.substring(0, pattern.length() - 2), servlet);
        } else if (pattern.startsWith("*.") && pattern.length() > 2 && !pattern.substring(2).contains("/")) {
            extension.put(pattern.substring(2), servlet);
        } else if (pattern.startsWith("/") && !pattern.contains("*")) {
            exact.put(pattern, servlet);
        } else {
            throw new IllegalArgumentException("not a servlet pattern: " + pattern
                    + " (use /exact, /prefix/*, *.ext or /)");
        }
        servlets.add(servlet);
        return this;
    }

    /** The servlet for a decoded path such as {@code /foo/bar/index.html}, or null (404). */
    public Match match(String path) {
        Servlet s = exact.get(path);
        if (s != null) {
            return new Match(s, path, path, null);
        }
        String best = null;
        for (String p : prefix.keySet()) {
            boolean under = p.isEmpty() || path.equals(p) || path.startsWith(p + "/");
            if (under && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        if (best != null) {
            String info = path.substring(best.length());
            return new Match(prefix.get(best), best + "/*", best, info.isEmpty() ? null : info);
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        if (dot >= 0) {
            s = extension.get(last.substring(dot + 1));
            if (s != null) {
                return new Match(s, "*." + last.substring(dot + 1), path, null);
            }
        }
        if (defaultServlet != null) {
            return new Match(defaultServlet, "/", path, null);
        }
        return null;
    }

    /** Each servlet once, in mapping order, even if it is mapped under several patterns. */
    public List<Servlet> servlets() {
        Set<Servlet> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Servlet> distinct = new ArrayList<>();
        for (Servlet s : servlets) {
            if (seen.add(s)) {
                distinct.add(s);
            }
        }
        return distinct;
    }

    /** Runs the request through the servlet its path maps to; 404 when none does, 500 when it throws. */
    public void dispatch(HttpRequest request, HttpResponse response) {
        Match m = match(request.getPath());
        if (m == null) {
            response.sendError(404, "nothing is mapped to " + request.getPath());
            return;
        }
        request.setMapping(m.servletPath(), m.pathInfo());
        try {
            m.servlet().service(request, response);
        } catch (Exception | StackOverflowError e) {
            response.sendError(500, m.servlet().getClass().getSimpleName() + " threw " + e);
        }
    }
}
