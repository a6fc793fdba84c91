package wirelab.sockets.framing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding. {@code new String(bytes, UTF_8)} silently replaces invalid bytes with
 * U+FFFD; a protocol should refuse them instead, so both ends agree on what was said.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** The text, or a {@link MalformedFrameException} when the bytes are not valid UTF-8. */
    public static String decode(byte[] bytes, int length) throws MalformedFrameException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFrameException("message is not valid UTF-8");
        }
    }
}
