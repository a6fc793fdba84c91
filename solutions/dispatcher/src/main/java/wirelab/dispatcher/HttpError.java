package wirelab.dispatcher;

/**
 * A request the server refuses before any servlet sees it, with the status code to answer:
 * 400 malformed, 408 too slow, 411/501 chunked body, 413 body too large, 414 request line too
 * long, 431 headers too large, 505 unknown HTTP version. The connection answers it and closes.
 */
public class HttpError extends Exception {

    private final int status;

    public HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
