package wirelab.sockets.framing;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Exercise 2.1: a fixed-position header. Every frame is
 * <pre>
 *   bytes 0..3   payload length n, unsigned 32-bit big-endian ("network byte order")
 *   bytes 4..    n bytes of UTF-8 text
 * </pre>
 * "Hi" is {@code 00 00 00 02 48 69}. The receiver reads exactly 4 bytes, then exactly n bytes;
 * {@code read(buffer)} may return fewer bytes than asked, so "exactly" means a loop.
 * A length above {@link #MAX_PAYLOAD} is refused before anything is allocated: otherwise four
 * bytes from a stranger could make the server reserve 2 GB.
 *
 * <p>Tests: {@code Part2FramingTest}.
 */
public final class LengthPrefixFraming implements Framing {

    /** The largest payload either side accepts, in bytes. */
    public static final int MAX_PAYLOAD = 64 * 1024;

    @Override
    public String read(InputStream in) throws IOException {
        throw new UnsupportedOperationException("TODO: read the 4-byte big-endian length, check it, then read exactly that many bytes and decode them strictly (Utf8.decode)");
    }


    @Override
    public void write(OutputStream out, String message) throws IOException {
        throw new UnsupportedOperationException("TODO: write the UTF-8 length as 4 big-endian bytes, then the bytes, then flush (refuse messages over MAX_PAYLOAD)");
    }
}
