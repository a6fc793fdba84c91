package wirelab.rmi;

import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Objects;

/**
 * One resource of the INFO service: a text and the version the server gave it.
 *
 * <p>A value object: it travels by copy (serialization), never by reference, so it is
 * immutable and checks its own rules again when it is read from a stream (task 4).
 * The server sets the version: 1 for a new key, +1 for every later bind.
 */
public final class Info implements Serializable {

    // TODO (task 4): declare a serialVersionUID so the stream format does not change with every compile

    /** Longest text a value may carry: the service refuses bigger ones. */
    public static final int MAX_TEXT = 64 * 1024;

    private final String text;
    private final long version;

    /** A value to bind; the server sets its version. */
    public Info(String text) {
        this(text, 0);
    }

    public Info(String text, long version) {
        this.text = Objects.requireNonNull(text, "text");
        this.version = version;
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text is " + text.length() + " chars, at most " + MAX_TEXT);
        }
        if (version < 0) {
            throw new IllegalArgumentException("version is " + version + ", it must not be negative");
        }
    }

    public String text() {
        return text;
    }

    public long version() {
        return version;
    }

    /** The same text with another version (the store uses it when it binds). */
    public Info withVersion(long newVersion) {
        return new Info(text, newVersion);
    }

    // TODO (task 4): a stream is untrusted input; add a readObject that checks what the constructor checks

    @Override
    public boolean equals(Object o) {
        return o instanceof Info other && version == other.version && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, version);
    }

    @Override
    public String toString() {
        return "\"" + text + "\" (version " + version + ")";
    }
}
