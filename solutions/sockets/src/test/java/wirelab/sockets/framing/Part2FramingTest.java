package wirelab.sockets.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static wirelab.sockets.Net.concat;
import static wirelab.sockets.Net.oneByteAtATime;
import static wirelab.sockets.Net.utf8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import wirelab.testkit.Points;

/** Exercises 2.1 and 2.2: LengthPrefixFraming and LineFraming, on streams in memory. */
@TestMethodOrder(MethodOrderer.MethodName.class)
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Part2FramingTest {

    private final Framing length = new LengthPrefixFraming();
    private final Framing lines = new LineFraming();

    static byte[] frame(int length, byte[] payload) {
        return concat(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length},
                payload);
    }

    static byte[] written(Framing framing, String... messages) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String m : messages) {
            framing.write(out, m);
        }
        return out.toByteArray();
    }

    @Test
    @Points(2)
    @DisplayName("2.1 \"Hi\" is written as the 4-byte length 00 00 00 02, then the bytes 48 69")
    void test01_lengthPrefixWritesHeaderThenPayload() throws Exception {
        assertArrayEquals(new byte[] {0, 0, 0, 2, 0x48, 0x69}, written(length, "Hi"),
                "a frame is the payload's length in 4 big-endian bytes, then the UTF-8 payload");
        assertArrayEquals(frame(300, utf8("x".repeat(300))), written(length, "x".repeat(300)),
                "300 is 00 00 01 2C: the length uses all four bytes, high byte first");
    }

    @Test
    @Points(1)
    @DisplayName("2.1 what is written can be read back, also accented and non-Latin text (length counts bytes, not chars)")
    void test02_lengthPrefixRoundTrip() throws Exception {
        InputStream in = new ByteArrayInputStream(written(length, "Grüße", "こんにちは", ""));
        assertEquals("Grüße", length.read(in));
        assertEquals("こんにちは", length.read(in));
        assertEquals("", length.read(in), "an empty message is a valid frame of length 0");
        assertNull(length.read(in), "at the end of the stream, between frames, read() should return null");
    }

    @Test
    @Points(2)
    @DisplayName("2.1 a frame that arrives one byte at a time is read whole (read() may return less than asked)")
    void test03_lengthPrefixOneByteAtATime() throws Exception {
        String message = "partial reads are normal on TCP";
        InputStream in = oneByteAtATime(written(length, message, "next"));
        assertEquals(message, length.read(in), "read() should loop until the whole frame has arrived");
        assertEquals("next", length.read(in), "and then read the next frame from where the first ended");
    }

    @Test
    @Points(2)
    @DisplayName("2.1 three frames that arrive in one piece are read as three messages")
    void test04_lengthPrefixSeveralFramesInOneBuffer() throws Exception {
        InputStream in = new ByteArrayInputStream(written(length, "one", "two", "three"));
        assertEquals("one", length.read(in));
        assertEquals("two", length.read(in), "read() should take only the first frame's bytes, not more");
        assertEquals("three", length.read(in));
    }

    @Test
    @Points(1)
    @DisplayName("2.1 a length above MAX_PAYLOAD is refused with a MalformedFrameException")
    void test05_lengthPrefixRefusesOversize() {
        InputStream in = new ByteArrayInputStream(frame(LengthPrefixFraming.MAX_PAYLOAD + 1, new byte[0]));
        assertThrows(MalformedFrameException.class, () -> length.read(in),
                "a header announcing MAX_PAYLOAD + 1 bytes should be refused before reading the payload");
    }

    @Test
    @Points(1)
    @DisplayName("2.1 a stream that ends in the middle of a frame is a MalformedFrameException, not a short message")
    void test06_lengthPrefixRefusesTruncatedFrame() {
        InputStream in = new ByteArrayInputStream(frame(10, utf8("abc")));
        assertThrows(MalformedFrameException.class, () -> length.read(in),
                "10 bytes were announced but only 3 came before the end of the stream");
    }

    @Test
    @Points(2)
    @DisplayName("2.2 lines end with \\n; \"\\r\\n\" from telnet or nc is understood too")
    void test07_linesRoundTrip() throws Exception {
        assertArrayEquals(utf8("PUT a 1\n"), written(lines, "PUT a 1"), "a line message is its UTF-8 bytes and \\n");
        InputStream in = new ByteArrayInputStream(utf8("GET a\r\nGrüße\n\n\r\n"));
        assertEquals("GET a", lines.read(in), "the \\r before \\n is not part of the message");
        assertEquals("Grüße", lines.read(in));
        assertEquals("", lines.read(in), "an empty line is an empty message");
        assertEquals("", lines.read(in), "\"\\r\\n\" alone (Enter in telnet) is an empty message too");
        assertNull(lines.read(in), "at the end of the stream, between lines, read() should return null");
    }

    @Test
    @Points(2)
    @DisplayName("2.2 lines that arrive one byte at a time, or several in one piece, are each read whole")
    void test08_linesInPiecesAndTogether() throws Exception {
        InputStream slow = oneByteAtATime(utf8("first line\nsecond\n"));
        assertEquals("first line", lines.read(slow));
        assertEquals("second", lines.read(slow));
        InputStream together = new ByteArrayInputStream(utf8("a\nb\nc\n"));
        assertEquals("a", lines.read(together));
        assertEquals("b", lines.read(together), "read() should stop at the first \\n and leave the rest");
        assertEquals("c", lines.read(together));
    }

    @Test
    @Points(1)
    @DisplayName("2.2 a line that is not valid UTF-8 is refused with a MalformedFrameException")
    void test09_linesRefuseInvalidUtf8() {
        InputStream in = new ByteArrayInputStream(new byte[] {'o', 'k', (byte) 0xC3, (byte) 0x28, '\n'});
        assertThrows(MalformedFrameException.class, () -> lines.read(in),
                "C3 28 is not UTF-8: the message should be refused, not decoded to a replacement character");
    }

    /** An OutputStream that, like a socket's, belongs to its caller: it remembers writes, flushes and a close. */
    static final class RecordingStream extends java.io.OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int flushedUpTo = -1;
        boolean closed;

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushedUpTo = bytes.size();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static void assertSentAndStillOpen(Framing framing, String message, byte[] expected, String name) throws Exception {
        RecordingStream out = new RecordingStream();
        framing.write(out, message);
        assertEquals(false, out.closed, name + ".write() closed the stream it was given: that is the socket's stream,"
                + " so the connection ends after one message (a try-with-resources around a wrapper of out closes out"
                + " too; flush the wrapper instead)");
        assertArrayEquals(expected, out.bytes.toByteArray(), name + ".write() should hand the whole frame to the stream"
                + " before it returns (a wrapper that buffers must be flushed)");
        assertEquals(expected.length, out.flushedUpTo, name + ".write() should flush the stream after the last byte"
                + " (Framing: \"writes one message with its framing and flushes it\"): when the caller wraps the"
                + " socket's stream in a BufferedOutputStream, a reply that is not flushed waits there forever");
    }

    @Test
    @Points(1)
    @DisplayName("2.1 and 2.2 write() sends the whole frame, flushes it, and leaves the stream open for the next message")
    void test10_writeFlushesAndLeavesTheStreamOpen() throws Exception {
        assertSentAndStillOpen(length, "Hi", new byte[] {0, 0, 0, 2, 0x48, 0x69}, "LengthPrefixFraming");
        assertSentAndStillOpen(lines, "PUT a 1", utf8("PUT a 1\n"), "LineFraming");
    }
}
