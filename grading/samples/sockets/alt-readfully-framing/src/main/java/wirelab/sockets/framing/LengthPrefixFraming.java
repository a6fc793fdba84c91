package wirelab.sockets.framing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

public final class LengthPrefixFraming implements Framing {

    public static final int MAX_PAYLOAD = 64 * 1024;

    @Override
    public String read(InputStream in) throws IOException {
        int first = in.read();
        if (first == -1) {
            return null;
        }
        DataInputStream data = new DataInputStream(in);
        byte[] rest = new byte[3];
        try {
            data.readFully(rest);
        } catch (EOFException e) {
            throw new MalformedFrameException("truncated frame: the header ended early");
        }
        long length = ((long) first << 24) | ((rest[0] & 0xFF) << 16) | ((rest[1] & 0xFF) << 8) | (rest[2] & 0xFF);
        if (length > MAX_PAYLOAD) {
            throw new MalformedFrameException("frame too large: " + length + " bytes");
        }
        byte[] payload = new byte[(int) length];
        try {
            data.readFully(payload);
        } catch (EOFException e) {
            throw new MalformedFrameException("truncated frame: fewer than " + length + " payload bytes");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFrameException("not UTF-8");
        }
    }

    @Override
    public void write(OutputStream out, String message) throws IOException {
        byte[] payload = message.getBytes(StandardCharsets.UTF_8);
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("too large: " + payload.length);
        }
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(payload.length);
        data.write(payload);
        data.flush();
    }
}
