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
        // BEGIN SOLUTION
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b == -1) {
                if (line.size() == 0) {
                    return null; // clean end between lines
                }
                throw new MalformedFrameException("truncated line: the stream ended after " + line.size()
                        + " bytes without a line end");
            }
            if (b == '\n') {
                break;
            }
            if (line.size() > MAX_LINE) { // one extra byte allowed: the \r of \r\n
                throw new MalformedFrameException("line too long: more than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        if (length > MAX_LINE) {
            throw new MalformedFrameException("line too long: more than " + MAX_LINE + " bytes");
        }
        return Utf8.decode(bytes, length);
        // STARTER TODO: read bytes up to '\n' (drop a '\r' before it), refuse lines over MAX_LINE, decode strictly (Utf8.decode)
        // END SOLUTION
    }

    @Override
    public void write(OutputStream out, String message) throws IOException {
        // BEGIN SOLUTION
        if (message.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a line message cannot contain a line break");
        }
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_LINE) {
            throw new IllegalArgumentException("line too long: " + bytes.length + " bytes, the limit is " + MAX_LINE);
        }
        out.write(bytes);
        out.write('\n');
        out.flush();
        // STARTER TODO: write the UTF-8 bytes and a '\n', then flush (refuse messages that contain '\n' or exceed MAX_LINE)
        // END SOLUTION
    }
}
