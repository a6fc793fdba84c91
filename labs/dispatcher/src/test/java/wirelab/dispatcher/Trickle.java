package wirelab.dispatcher;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An input stream that hands out at most {@code step} bytes per read, the way TCP may deliver a
 * request in many small pieces. Code that assumes one {@code read()} returns everything fails here.
 */
final class Trickle extends InputStream {

    private final ByteArrayInputStream bytes;
    private final int step;

    Trickle(String text, int step) {
        this.bytes = new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
        this.step = step;
    }

    @Override
    public int read() {
        return bytes.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
        return bytes.read(b, off, Math.min(len, step));
    }

    @Override
    public int available() {
        return 0;   // as a socket whose next packet has not arrived yet
    }
}
