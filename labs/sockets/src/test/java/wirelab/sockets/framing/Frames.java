package wirelab.sockets.framing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import wirelab.sockets.Net;

/**
 * The tests' own framing, written independently of the student's, so a server test does not
 * depend on the student's codec being right.
 */
final class Frames {

    private Frames() {
    }

    static byte[] lengthFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        return Net.concat(header(payload.length), payload);
    }

    static byte[] header(int length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    /** Reads one length-prefixed reply, or fails saying what came instead. */
    static String readLengthFrame(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] h = Net.readExactly(in, 4, "a reply's 4-byte length header");
        int n = ((h[0] & 0xFF) << 24) | ((h[1] & 0xFF) << 16) | ((h[2] & 0xFF) << 8) | (h[3] & 0xFF);
        if (n < 0 || n > 1_000_000) {
            fail("the reply's header announces " + n + " bytes: that is not a length");
        }
        return new String(Net.readExactly(in, n, "a reply's payload"), StandardCharsets.UTF_8);
    }

    /** Reads one reply line (without its \n), or fails. */
    static String readLine(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (true) {
                int b = in.read();
                if (b == -1) {
                    fail("expected a reply line, but the server closed the connection after \""
                            + line.toString(StandardCharsets.UTF_8) + "\"");
                }
                if (b == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                line.write(b);
            }
        } catch (SocketTimeoutException e) {
            fail("expected a reply line within " + Net.READ_TIMEOUT_MILLIS + " ms, got only \""
                    + line.toString(StandardCharsets.UTF_8) + "\"");
            return null;
        }
    }
}
