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
        // BEGIN SOLUTION
        byte[] header = new byte[4];
        int got = readFully(in, header, 4);
        if (got == 0) {
            return null; // clean end between frames
        }
        if (got < 4) {
            throw new MalformedFrameException("truncated frame: the stream ended after " + got + " of 4 header bytes");
        }
        long length = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFF) << 16)
                | ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        if (length > MAX_PAYLOAD) {
            throw new MalformedFrameException("frame too large: " + length + " bytes, the limit is " + MAX_PAYLOAD);
        }
        byte[] payload = new byte[(int) length];
        got = readFully(in, payload, payload.length);
        if (got < payload.length) {
            throw new MalformedFrameException("truncated frame: the stream ended after " + got + " of "
                    + length + " payload bytes");
        }
        return Utf8.decode(payload, payload.length);
        // STARTER TODO: read the 4-byte big-endian length, check it, then read exactly that many bytes and decode them strictly (Utf8.decode)
        // END SOLUTION
    }

    // BEGIN SOLUTION
    /** Reads until {@code want} bytes are in {@code buffer} or the stream ends; returns how many arrived. */
    private static int readFully(InputStream in, byte[] buffer, int want) throws IOException {
        int got = 0;
        while (got < want) {
            int n = in.read(buffer, got, want - got);
            if (n == -1) {
                break;
            }
            got += n;
        }
        return got;
    }
    // END SOLUTION

    @Override
    public void write(OutputStream out, String message) throws IOException {
        // BEGIN SOLUTION
        byte[] payload = message.getBytes(StandardCharsets.UTF_8);
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("message too large: " + payload.length + " bytes, the limit is "
                    + MAX_PAYLOAD);
        }
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(payload.length);
        data.write(payload);
        data.flush();
        // STARTER TODO: write the UTF-8 length as 4 big-endian bytes, then the bytes, then flush (refuse messages over MAX_PAYLOAD)
        // END SOLUTION
    }
}
