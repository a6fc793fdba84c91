package wirelab.grading.runner;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Tees System.out and System.err: everything still reaches the real streams (the grader caps
 * those), and the last few KiB written while a test runs are kept as that test's excerpt.
 */
final class OutputCapture {

    static final int EXCERPT_BYTES = 4096;

    private final PrintStream realOut;
    private final PrintStream realErr;
    private final byte[] ring = new byte[EXCERPT_BYTES];
    private long written;

    OutputCapture(PrintStream realOut, PrintStream realErr) {
        this.realOut = realOut;
        this.realErr = realErr;
    }

    void install() {
        System.setOut(new PrintStream(new Tee(realOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(realErr), true, StandardCharsets.UTF_8));
    }

    void uninstall() {
        System.setOut(realOut);
        System.setErr(realErr);
    }

    synchronized void reset() {
        written = 0;
    }

    /** What the current test printed (its last EXCERPT_BYTES bytes), or "" when nothing. */
    synchronized String excerpt() {
        if (written == 0) {
            return "";
        }
        int n = (int) Math.min(written, EXCERPT_BYTES);
        byte[] out = new byte[n];
        int start = (int) ((written - n) % EXCERPT_BYTES);
        for (int i = 0; i < n; i++) {
            out[i] = ring[(start + i) % EXCERPT_BYTES];
        }
        String text = new String(out, StandardCharsets.UTF_8);
        return written > EXCERPT_BYTES ? "[... " + (written - EXCERPT_BYTES) + " bytes before this]\n" + text : text;
    }

    private synchronized void record(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            ring[(int) (written % EXCERPT_BYTES)] = b[off + i];
            written++;
        }
    }

    private final class Tee extends OutputStream {
        private final PrintStream real;

        Tee(PrintStream real) {
            this.real = real;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            record(b, off, len);
            real.write(b, off, len);
        }

        @Override
        public void flush() {
            real.flush();
        }
    }
}
