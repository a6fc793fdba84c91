package wirelab.grading.late;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import wirelab.grading.result.CsvTable;

/**
 * When each student submitted: from a CSV ({@code student,submitted_at} with ISO 8601 times and
 * an offset) or from Gradescope's {@code submission_metadata.json} ({@code created_at}).
 */
public final class SubmissionTimes {

    private SubmissionTimes() {
    }

    /** student → submission instant, from a CSV with a header line naming student and submitted_at. */
    public static Map<String, Instant> csv(Path file) {
        Map<String, Instant> out = new LinkedHashMap<>();
        for (CsvTable.Row row : CsvTable.read(file, "student", "submitted_at")) {
            out.put(row.get("student"), instant(row.get("submitted_at"), file + ":" + row.line()));
        }
        return out;
    }

    /** Gradescope's /autograder/submission_metadata.json: its created_at. */
    public static Instant gradescope(Path metadata) {
        try {
            JsonNode root = new ObjectMapper().readTree(metadata.toFile());
            JsonNode created = root.get("created_at");
            if (created == null || created.isNull()) {
                throw new IllegalArgumentException(metadata + ": no created_at");
            }
            return instant(created.asText(), metadata.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metadata, e);
        }
    }

    static Instant instant(String text, String where) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException e) {
            // Gradescope writes e.g. 2026-09-14T00:10:07.123456-07:00, which ISO parsing accepts;
            // anything else is a mistake worth naming
            throw new IllegalArgumentException(where + ": not a time with offset like 2026-09-14T00:10:00+02:00: " + t);
        }
    }
}
