package wirelab.grading.runner;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes one JSON object per line and flushes it to disk at once. */
final class EventWriter implements AutoCloseable {

    private final OutputStream out;
    private final JsonFactory json = new JsonFactory();

    private EventWriter(OutputStream out) {
        this.out = out;
    }

    static EventWriter open(Path file) throws IOException {
        // a fresh file per JVM: events left by an earlier run in the same folder must not be read as ours
        return new EventWriter(new FileOutputStream(file.toFile(), false));
    }

    /** Writes {@code fields} (values: String, Number, Boolean, null, or a List of such Maps). */
    synchronized void write(Map<String, ?> fields) {
        try {
            JsonGenerator gen = json.createGenerator(out, JsonEncoding.UTF8);
            writeValue(gen, fields);
            gen.flush();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeValue(JsonGenerator gen, Object value) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                gen.writeFieldName(String.valueOf(e.getKey()));
                writeValue(gen, e.getValue());
            }
            gen.writeEndObject();
        } else if (value instanceof Iterable<?> list) {
            gen.writeStartArray();
            for (Object item : list) {
                writeValue(gen, item);
            }
            gen.writeEndArray();
        } else if (value instanceof Number n) {
            gen.writeNumber(n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : n.toString());
        } else if (value instanceof Boolean b) {
            gen.writeBoolean(b);
        } else {
            gen.writeString(value.toString());
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
