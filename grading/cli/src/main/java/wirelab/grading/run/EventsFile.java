package wirelab.grading.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the runner's event lines back: the plan (every test and its points), the tests that
 * finished with their verdicts, the one that started and never finished, and whether the run
 * reached its end. A torn last line (the JVM died mid-write) is ignored.
 */
final class EventsFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, JsonNode> plan = new LinkedHashMap<>();
    private final Map<String, JsonNode> finished = new LinkedHashMap<>();
    private final List<String> started = new ArrayList<>();
    private boolean reachedEnd;

    /** Bytes of events read at most: the runner caps each test's output, so more is not the runner's. */
    private static final long LIMIT = 256L << 20;

    static EventsFile read(Path file) {
        EventsFile events = new EventsFile();
        List<String> lines;
        try {
            lines = WorkFiles.read(file, LIMIT).map(t -> t.lines().toList()).orElse(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            JsonNode e;
            try {
                e = JSON.readTree(line);
            } catch (IOException torn) {
                continue;
            }
            if (e == null) {
                continue;
            }
            switch (e.path("type").asText()) {
                case "plan" -> e.path("tests").forEach(t -> events.plan.put(t.path("uid").asText(), t));
                case "started" -> events.started.add(e.path("uid").asText());
                case "finished" -> events.finished.put(e.path("uid").asText(), e);
                case "end" -> events.reachedEnd = true;
                default -> { }
            }
        }
        return events;
    }

    /** uid → planned test (id, name, points, graded), in the runner's order. */
    Map<String, JsonNode> plan() {
        return plan;
    }

    /** uid → finished event. */
    Map<String, JsonNode> finished() {
        return finished;
    }

    /** Whether the runner wrote its end event: every planned test had its turn. */
    boolean reachedEnd() {
        return reachedEnd;
    }

    /** The test that started last and has no verdict: the one the JVM died in. */
    String unfinished() {
        for (int i = started.size() - 1; i >= 0; i--) {
            if (!finished.containsKey(started.get(i))) {
                return started.get(i);
            }
        }
        return null;
    }

    static TestResult result(JsonNode planned, JsonNode done) {
        return new TestResult(
                planned.path("id").asText(),
                planned.path("name").asText(),
                planned.path("points").asDouble(),
                planned.path("graded").asBoolean(),
                done.path("status").asText("failed"),
                text(done, "message"),
                text(done, "expected"),
                text(done, "actual"),
                text(done, "trace"),
                text(done, "output"),
                text(done, "threads"),
                done.path("ms").asLong());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
