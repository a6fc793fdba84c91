package wirelab.dispatcher;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task 4: counts the hits on every path it serves, e.g. mapped at {@code /hits/*}:
 * {@code GET /hits/home} answers {@code 1}, then {@code 2}, ... The server calls
 * {@link #service} from many worker threads at once, so the counts are shared state: a plain
 * {@code HashMap} with {@code count + 1} loses hits when two threads read the same old value
 * (the read-modify-write race of the threads lab).
 */
public class HitCounterServlet extends HttpServlet {

    private final Map<String, java.util.concurrent.atomic.AtomicLong> hits = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
        long n = hit(request.getPath());
        response.setContentType("text/plain");
        response.getWriter().print(n);
    }

    /** Counts one hit on {@code path} and returns the count including it. */
    public long hit(String path) {
        return hits.computeIfAbsent(path, p -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
    }

    /** The hits counted on {@code path} so far. */
    public long hits(String path) {
        java.util.concurrent.atomic.AtomicLong counter = hits.get(path);
        return counter == null ? 0 : counter.get();
    }
}
