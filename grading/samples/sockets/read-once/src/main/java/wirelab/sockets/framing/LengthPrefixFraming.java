package wirelab.sockets.framing;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Sample mistake: one read() per part of the frame, as if TCP delivered messages whole. */
public final class LengthPrefixFraming implements Framing {

    public static final int MAX_PAYLOAD = 64 * 1024;

    @Override
    public String read(InputStream in) throws IOException {
        byte[] header = new byte[4];
        if (in.read(header) == -1) {
            return null;
        }
        int length = ByteBuffer.wrap(header).getInt();
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new MalformedFrameException("bad frame length " + length);
        }
        byte[] payload = new byte[length];
        in.read(payload); // the mistake: read() may return fewer bytes than the frame has
        return Utf8.decode(payload, length);
    }

    @Override
    public void write(OutputStream out, String message) throws IOException {
        byte[] payload = message.getBytes(StandardCharsets.UTF_8);
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("message too large: " + payload.length + " bytes");
        }
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(payload.length);
        data.write(payload);
        data.flush();
    }
}
