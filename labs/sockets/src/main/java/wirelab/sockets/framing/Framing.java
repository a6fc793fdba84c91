package wirelab.sockets.framing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A message protocol's first job: say where one message ends and the next begins. TCP only
 * carries bytes, so sender and receiver agree on framing: a length at a fixed position in
 * front of each message ({@link LengthPrefixFraming}) or a delimiter after it ({@link LineFraming}).
 */
public interface Framing {

    /**
     * Reads one whole message, however the bytes arrive (one at a time, or several messages at once).
     *
     * @return the message, or {@code null} when the stream ended cleanly before a new message began
     * @throws MalformedFrameException when the bytes break the protocol (bad or oversize length,
     *         stream ends mid-message, invalid UTF-8)
     */
    String read(InputStream in) throws IOException;

    /** Writes one message with its framing and flushes it. */
    void write(OutputStream out, String message) throws IOException;
}
