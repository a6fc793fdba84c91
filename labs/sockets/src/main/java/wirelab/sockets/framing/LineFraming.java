package wirelab.sockets.framing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Exercise 2.2: a delimiter instead of a header. Every message is one line of UTF-8 text ended
 * by {@code \n}; a {@code \r} just before it is dropped, so telnet and nc users (who send
 * {@code \r\n}) are understood too. The message itself must not contain {@code \n}.
 * A line longer than {@link #MAX_LINE} bytes is refused instead of buffered forever.
 *
 * <p>Wrap the socket's stream in a {@code BufferedInputStream} before reading a byte at a time.
 * Tests: {@code Part2FramingTest}.
 */
public final class LineFraming implements Framing {

    /** The longest line either side accepts, in bytes, without its line end. */
    public static final int MAX_LINE = 8 * 1024;

    @Override
    public String read(InputStream in) throws IOException {
        throw new UnsupportedOperationException("TODO: read bytes up to '\\n' (drop a '\\r' before it), refuse lines over MAX_LINE, decode strictly (Utf8.decode)");
    }

    @Override
    public void write(OutputStream out, String message) throws IOException {
        throw new UnsupportedOperationException("TODO: write the UTF-8 bytes and a '\\n', then flush (refuse messages that contain '\\n' or exceed MAX_LINE)");
    }
}
