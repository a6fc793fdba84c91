package wirelab.dispatcher.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import wirelab.dispatcher.Dispatcher;
import wirelab.dispatcher.HttpRequest;
import wirelab.dispatcher.HttpResponse;
import wirelab.dispatcher.HttpServer;
import wirelab.dispatcher.HttpServlet;
import wirelab.dispatcher.Limits;

/**
 * The reference dispatcher serving {@link Hello} at {@code /hello} on loopback.
 * Args: port (0 = any), worker threads. Prints {@code PORT <n>} once listening.
 */
public final class DispatcherServer {

    private DispatcherServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        Dispatcher d = new Dispatcher().map("/hello", new HttpServlet() {
            @Override
            protected void doGet(HttpRequest request, HttpResponse response) throws IOException {
                response.setContentType("text/plain");
                response.getOutputStream().write(Hello.BYTES);
            }
        });
        HttpServer server = new HttpServer(d, threads, Limits.defaults());
        int bound = server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        System.out.println("PORT " + bound);
        System.out.flush();
        Thread.currentThread().join();
    }
}
