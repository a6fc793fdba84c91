package wirelab.dispatcher.bench;

import java.nio.charset.StandardCharsets;

/** The response both servers send: small, constant, text/plain, so the benchmark measures HTTP handling. */
final class Hello {

    static final String TEXT = "Hello, world!\n";
    static final byte[] BYTES = TEXT.getBytes(StandardCharsets.UTF_8);

    private Hello() {
    }
}
