package wirelab.sockets.interop;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nc comes in variants that disagree on how to end a session once stdin is done. OpenBSD nc
 * (Debian's netcat-openbsd) needs {@code -N} to shut the socket's output down at end of input,
 * so the server sees end-of-stream, answers and closes; traditional netcat and others use
 * {@code -q 1} (quit one second after end of input). We ask nc's help text which one it knows.
 */
final class Netcat {

    private Netcat() {
    }

    static List<String> closeAfterInputOptions(Path nc) {
        try {
            Process help = new ProcessBuilder(nc.toString(), "-h").redirectErrorStream(true).start();
            help.getOutputStream().close();
            String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            help.waitFor(5, TimeUnit.SECONDS);
            help.destroyForcibly();
            if (text.contains("-N")) {
                return List.of("-N");
            }
        } catch (Exception e) {
            // fall back to the option every variant we know accepts
        }
        return List.of("-q", "1");
    }
}
