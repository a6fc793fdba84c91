package wirelab.sockets.framing;

import java.io.IOException;

/** The peer broke the framing rules; the message says which rule, in words an operator understands. */
public class MalformedFrameException extends IOException {

    public MalformedFrameException(String message) {
        super(message);
    }
}
