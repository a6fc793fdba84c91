package wirelab.dispatcher;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Task 1: one client connection, served by one worker thread. HTTP/1.1 keeps the connection
 * open (keep-alive), so this is a loop: read a request, dispatch it, write the response, and
 * again, until the client or the server says {@code Connection: close}. A client may send its
 * next requests before reading the answers (pipelining): they wait in the input buffer and are
 * answered in order, because one thread reads and answers them one by one.
 *
 * <p>A broken request gets its error status ({@link HttpError}) and the connection closes:
 * after a malformed request the server cannot know where the next one starts.
 *
 * <p>Every wait is bounded, or one client could keep this worker for ever: the wait for the next
 * request (idle timeout), the arrival of a request (request timeout) and the writing of an answer
 * the client does not read (write timeout, kept by the server's {@link WriteWatchdog}).
 */
final class Connection implements Runnable {

    /** How often an idle connection looks up to see whether it should give its worker up. */
    private static final int IDLE_SLICE_MS = 50;

    private final Socket socket;
    private final HttpServer server;
    private final ResponseWriter writer = new ResponseWriter();

    Connection(Socket socket, HttpServer server) {
        this.socket = socket;
        this.server = server;
    }

    @Override
    public void run() {
        OutputStream watched = null;
        try (socket) {
            socket.setTcpNoDelay(true);
            BufferedInputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
            watched = server.writeWatchdog().watch(socket);
            OutputStream out = new BufferedOutputStream(watched, 16 * 1024);
            RequestParser parser = new RequestParser(in, server.limits());
            while (awaitNextRequest(in)) {
                socket.setSoTimeout((int) server.limits().requestTimeout().toMillis());
                HttpRequest request;
                try {
                    request = parser.next();
                } catch (HttpError e) {
                    answerErrorAndClose(out, e.status(), e.getMessage());
                    return;
                } catch (SocketTimeoutException e) {
                    answerErrorAndClose(out, 408, "the request did not arrive in time");
                    return;
                }
                if (request == null) {
                    return;   // the client closed the connection
                }
                server.requestStarted();
                try {
                    HttpResponse response = new HttpResponse();
                    server.dispatcher().dispatch(request, response);
                    boolean keepAlive = request.wantsKeepAlive() && !server.stopping();
                    writer.write(out, response, request.getMethod().equals("HEAD"), keepAlive);
                    if (in.available() == 0 || !keepAlive) {
                        out.flush();   // pipelined requests waiting? answer them first, flush once
                    }
                    if (!keepAlive) {
                        lingeringClose();
                        return;
                    }
                } finally {
                    server.requestFinished();
                }
            }
        } catch (IOException e) {
            // the client went away, broke the connection or read nothing until the write timeout
        } finally {
            if (watched != null) {
                server.writeWatchdog().forget(watched);
            }
        }
    }

    /**
     * Waits for the first byte of the next request without consuming it. False when the client
     * closed, stayed idle longer than the idle timeout, or the server wants the worker back
     * (shutdown, or other connections waiting for a worker).
     */
    private boolean awaitNextRequest(BufferedInputStream in) throws IOException {
        long idleDeadline = System.nanoTime() + server.limits().idleTimeout().toNanos();
        socket.setSoTimeout(IDLE_SLICE_MS);
        while (true) {
            in.mark(1);
            try {
                if (in.read() < 0) {
                    return false;
                }
                in.reset();
                return true;
            } catch (SocketTimeoutException e) {
                if (server.stopping() || server.othersWaiting() || System.nanoTime() - idleDeadline > 0) {
                    return false;
                }
            }
        }
    }

    private void answerErrorAndClose(OutputStream out, int status, String message) throws IOException {
        HttpResponse response = new HttpResponse();
        response.sendError(status, message);
        writer.write(out, response, false, false);
        out.flush();
        lingeringClose();
    }

    /**
     * Half-close, then read and drop what the client still sends for a moment. Closing a socket
     * with unread input makes TCP send a reset, which can destroy our last response before the
     * client has read it.
     */
    private void lingeringClose() {
        try {
            socket.shutdownOutput();
            socket.setSoTimeout(200);
            InputStream raw = socket.getInputStream();
            byte[] sink = new byte[8192];
            long until = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < until && raw.read(sink) >= 0) {
                // discard
            }
        } catch (IOException ignored) {
            // timed out or reset: close anyway
        }
    }
}
