package wirelab.dispatcher;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Task 2: the base class of the lecture's {@code MyServlet}. {@link #service} calls the method
 * for the request's HTTP method; a subclass overrides the ones it supports:
 *
 * <pre>{@code
 * public class MyServlet extends HttpServlet {
 *     protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
 *         response.setContentType("text/html");
 *         response.getWriter().println("<H1>Hello World!</H1>");
 *     }
 * }
 * }</pre>
 *
 * The ones it does not override answer {@code 405 Method Not Allowed} with an {@code Allow}
 * header listing those it does (RFC 9110 15.5.6). HEAD runs doGet; the server drops the body.
 */
public abstract class HttpServlet implements Servlet {

    @Override
    public void service(HttpRequest request, HttpResponse response) throws IOException {
        Handler handler = handlers().get(request.getMethod());
        if (handler == null) {
            response.sendError(501, request.getMethod() + " is not a method this server knows");
        } else {
            handler.handle(request, response);
        }
    }

    private interface Handler {
        void handle(HttpRequest request, HttpResponse response) throws IOException;
    }

    private java.util.Map<String, Handler> handlers() {
        return java.util.Map.of("GET", this::doGet, "HEAD", this::doHead, "POST", this::doPost, "PUT", this::doPut,
                "DELETE", this::doDelete, "OPTIONS", this::doOptions);
    }

    protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
        methodNotAllowed(response);
    }

    /** Like GET without the body, if there is a doGet. */
    protected void doHead(HttpRequest request, HttpResponse response) throws IOException {
        if (overrides("doGet")) {
            doGet(request, response);
        } else {
            methodNotAllowed(response);
        }
    }

    protected void doPost(HttpRequest request, HttpResponse response) throws IOException {
        methodNotAllowed(response);
    }

    protected void doPut(HttpRequest request, HttpResponse response) throws IOException {
        methodNotAllowed(response);
    }

    protected void doDelete(HttpRequest request, HttpResponse response) throws IOException {
        methodNotAllowed(response);
    }

    /** Answers 204 with the Allow header. */
    protected void doOptions(HttpRequest request, HttpResponse response) throws IOException {
        response.setStatus(204);
        response.setHeader("Allow", allow());
    }

    /** 405 Method Not Allowed, with an Allow header such as {@code GET, HEAD, OPTIONS}. */
    protected void methodNotAllowed(HttpResponse response) {
        response.sendError(405, "this resource allows only " + allow());
        response.setHeader("Allow", allow());
    }

    /** The methods this servlet supports, e.g. {@code GET, HEAD, POST, OPTIONS}. */
    protected String allow() {
        List<String> methods = new ArrayList<>();
        if (overrides("doGet")) {
            methods.add("GET");
            methods.add("HEAD");
        } else if (overrides("doHead")) {
            methods.add("HEAD");
        }
        for (String m : List.of("POST", "PUT", "DELETE")) {
            if (overrides("do" + m.charAt(0) + m.substring(1).toLowerCase())) {
                methods.add(m);
            }
        }
        methods.add("OPTIONS");
        return String.join(", ", methods);
    }

    /** Whether the subclass overrides {@code doXxx} (found by reflection, as the real HttpServlet does). */
    private boolean overrides(String name) {
        for (Class<?> c = getClass(); c != HttpServlet.class; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod(name, HttpRequest.class, HttpResponse.class);
                return m.getDeclaringClass() != HttpServlet.class;
            } catch (NoSuchMethodException e) {
                // look in the superclass
            }
        }
        return false;
    }
}
