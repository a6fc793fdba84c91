package wirelab.dispatcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
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

    @Override
    public void close() {
        server.close();
    }
}
