package wirelab.dispatcher;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One parsed HTTP request, as a servlet sees it (the lecture's {@code HttpServletRequest}, cut
 * down): method, path, decoded parameters, headers and body. Built by {@link RequestParser};
 * the {@link Dispatcher} fills in which part of the path chose the servlet.
 *
 * <pre>
 * GET /shop/cart?item=red%20shoes&amp;n=2 HTTP/1.1     method GET, requestURI /shop/cart,
 * Host: localhost:8080                              parameter "item" = "red shoes"
 * </pre>
 */
public final class HttpRequest {

    private final String method;
    private final String target;
    private final String requestURI;
    private final String path;
    private final String protocol;
    private final Map<String, String> headers;
    private final Map<String, List<String>> parameters;
    private final byte[] body;
    private String servletPath = "";
    private String pathInfo;

    /**
     * @param method     GET, POST, ... (case-sensitive, as sent)
     * @param target     the request target as sent, e.g. {@code /a%20b?x=1}
     * @param requestURI the path part of the target, still percent-encoded: {@code /a%20b}
     * @param path       the same path percent-decoded: {@code /a b}
     * @param protocol   {@code HTTP/1.1} or {@code HTTP/1.0}
     * @param headers    header names are case-insensitive: pass a map that compares them so
     * @param parameters decoded query (and form) parameters
     * @param body       exactly Content-Length bytes, or none
     */
    public HttpRequest(String method, String target, String requestURI, String path, String protocol,
                       Map<String, String> headers, Map<String, List<String>> parameters, byte[] body) {
        this.method = method;
        this.target = target;
        this.requestURI = requestURI;
        this.path = path;
        this.protocol = protocol;
        TreeMap<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.putAll(headers);
        this.headers = Collections.unmodifiableMap(ci);
        this.parameters = Collections.unmodifiableMap(parameters);
        this.body = body;
    }

    public String getMethod() {
        return method;
    }

    /** The request target exactly as the client sent it. */
    public String getTarget() {
        return target;
    }

    /** The path, still percent-encoded ({@code /a%20b}). */
    public String getRequestURI() {
        return requestURI;
    }

    /** The path, percent-decoded ({@code /a b}); this is what the dispatcher maps. */
    public String getPath() {
        return path;
    }

    public String getProtocol() {
        return protocol;
    }

    /** The header's value, whatever the case of {@code name}; null when absent. */
    public String getHeader(String name) {
        return headers.get(name);
    }

    /** All headers; lookups ignore case. */
    public Map<String, String> getHeaders() {
        return headers;
    }

    /** The first value of a decoded query or form parameter, or null. */
    public String getParameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Map<String, List<String>> getParameterMap() {
        return parameters;
    }

    public byte[] getBody() {
        return body.clone();
    }

    public String getBodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The part of the path that matched the servlet's pattern ({@code /static} for {@code /static/*}). */
    public String getServletPath() {
        return servletPath;
    }

    /** The rest of the path after the servlet path ({@code /css/site.css}), or null. */
    public String getPathInfo() {
        return pathInfo;
    }

    void setMapping(String servletPath, String pathInfo) {
        this.servletPath = servletPath;
        this.pathInfo = pathInfo;
    }

    /**
     * Whether the client wants the connection kept open after this request: HTTP/1.1 keeps it
     * unless it says {@code Connection: close}; HTTP/1.0 closes unless it says {@code Connection: keep-alive}.
     */
    public boolean wantsKeepAlive() {
        boolean close = false;
        boolean keepAlive = false;
        for (String token : headers.getOrDefault("Connection", "").split(",")) {
            close |= token.trim().equalsIgnoreCase("close");
            keepAlive |= token.trim().equalsIgnoreCase("keep-alive");
        }
        return protocol.equals("HTTP/1.0") ? keepAlive && !close : !close;
    }

    @Override
    public String toString() {
        return method + " " + target + " " + protocol;
    }
}
