package wirelab.sockets.tcp;

/**
 * What every echo server in this lab offers: the port it really bound (ask for port 0 and the
 * operating system picks a free one) and a {@code close()} that stops it completely: the
 * listening socket, every client connection and every thread it started.
 */
public interface EchoServer extends AutoCloseable {

    /** The port clients connect to (the real one, also when the server was started with port 0). */
    int port();

    /** Stops accepting, disconnects every client and returns once all of the server's threads have ended. */
    @Override
    void close();
}
