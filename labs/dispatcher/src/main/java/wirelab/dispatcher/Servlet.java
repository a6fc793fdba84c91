package wirelab.dispatcher;

import java.io.IOException;

/**
 * Task 2: a servlet is a program with no main method that runs inside a web server, at the
 * request of an HTTP client (lecture 3). The server calls {@link #init()} once before the first
 * request, {@link #service} for every request, from many threads at once, and {@link #destroy()}
 * once at shutdown.
 */
public interface Servlet {

    /** Called once, before the first request. */
    default void init() throws Exception {
    }

    /** Answers one request. Called concurrently: shared fields must be thread-safe. */
    void service(HttpRequest request, HttpResponse response) throws IOException;

    /** Called once, after the last request has been answered. */
    default void destroy() {
    }
}
