package wirelab.sockets.framing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

public final class LineFraming implements Framing {

    public static final int MAX_LINE = 8 * 1024;

    @Override
    public String read(InputStream in) throws IOException {
        byte[] line = new byte[MAX_LINE + 1]; // room for a \r before the \n
        int length = 0;
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                if (length == 0) {
                    return null;
                }
                throw new MalformedFrameException("the stream ended inside a line");
            }
            if (length == line.length) {
                throw new MalformedFrameException("line longer than " + MAX_LINE + " bytes");
            }
            line[length++] = (byte) b;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (length > MAX_LINE) {
            throw new MalformedFrameException("line longer than " + MAX_LINE + " bytes");
        }
        return Utf8.decode(line, length);
    }

    @Override
    public void write(OutputStream out, String message) throws IOException {
        if (message.contains("\n")) {
            throw new IllegalArgumentException("no line breaks in a line message");
        }
        if (message.getBytes(StandardCharsets.UTF_8).length > MAX_LINE) {
            throw new IllegalArgumentException("line too long");
        }
        PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
        print.print(message);
        print.print('\n');
        print.flush();
        if (print.checkError()) {
            throw new IOException("could not send the line");
        }
    }
}
