package wirelab.dispatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import wirelab.testkit.Loopback;

/** A server for one test: loopback, an ephemeral port, closed (drained) at the end. */
final class TestServer implements AutoCloseable {

    final HttpServer server;
    final int port;

    TestServer(Dispatcher dispatcher) {
        this(dispatcher, 8, Limits.defaults());
    }

    TestServer(Dispatcher dispatcher, int threads, Limits limits) {
        server = new HttpServer(dispatcher, threads, limits);
        try {
            port = server.start(new InetSocketAddress(Loopback.ADDRESS, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String pathAndQuery) {
        String host = Loopback.ADDRESS.getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + pathAndQuery);
    }

    RawHttp connect() throws IOException {
        return new RawHttp(port);
    }

    /**
     * Sends a request and waits at most {@code seconds} for the whole answer, body included.
     * HttpClient's own timeout ends at the headers, so a body that never ends (a kept-alive
     * answer without Content-Length) would hold the test until its time limit.
     */
    static HttpResponse<String> fetch(HttpClient client, HttpRequest request, int seconds) throws Exception {
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request, BodyHandlers.ofString());
        try {
            return answer.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new AssertionError(request.method() + " " + request.uri().getRawPath() + " got no complete answer within "
                    + seconds + " s. If the headers came, the body never ended: is Content-Length there, and right?");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
