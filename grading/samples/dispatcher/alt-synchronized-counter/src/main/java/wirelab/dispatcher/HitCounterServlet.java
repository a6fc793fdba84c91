package wirelab.dispatcher;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Counts the hits on every path it serves (a correct alternative: one lock for reads and writes). */
public class HitCounterServlet extends HttpServlet {

    private final Map<String, Long> hits = new HashMap<>();

    @Override
    protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
        long n = hit(request.getPath());
        response.setContentType("text/plain");
        response.getWriter().print(n);
    }

    public synchronized long hit(String path) {
        long n = hits.getOrDefault(path, 0L) + 1;
        hits.put(path, n);
        return n;
    }

    public synchronized long hits(String path) {
        return hits.getOrDefault(path, 0L);
    }
}
