package wirelab.dispatcher;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * Runs the dispatcher on port 8080, like the lecture's web server:
 * <pre>
 * ./mvnw -q -pl dispatcher compile exec:java -Dexec.mainClass=wirelab.dispatcher.Main -Dexec.args="8080 www"
 * curl -v http://localhost:8080/hello?name=Ada
 * </pre>
 * Arguments: port (8080; 0 = any free port), folder to serve under {@code /} (current folder),
 * worker threads (16).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        Path root = Path.of(args.length > 1 ? args[1] : ".");
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        Dispatcher dispatcher = new Dispatcher()
                .map("/hello", new HelloServlet())
                .map("/hits/*", new HitCounterServlet())
                .map("/", new StaticFileServlet(root));
        HttpServer server = new HttpServer(dispatcher, threads, Limits.defaults());
        int bound = server.start(new InetSocketAddress(port));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("serving " + root.toAbsolutePath().normalize() + " on http://localhost:" + bound + "/");
        Thread.currentThread().join();
    }
}
