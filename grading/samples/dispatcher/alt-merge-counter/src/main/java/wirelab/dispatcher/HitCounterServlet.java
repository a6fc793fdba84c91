package wirelab.dispatcher;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Counts the hits on every path it serves (a correct alternative: ConcurrentHashMap.merge). */
public class HitCounterServlet extends HttpServlet {

    private final ConcurrentMap<String, Long> hits = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
        long n = hit(request.getPath());
        response.setContentType("text/plain");
        response.getWriter().print(n);
    }

    public long hit(String path) {
        return hits.merge(path, 1L, Long::sum);
    }

    public long hits(String path) {
        return hits.getOrDefault(path, 0L);
    }
}
