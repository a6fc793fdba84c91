package wirelab.grading.late;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each student submitted: from a CSV ({@code student,submitted_at} with ISO 8601 times and
 * an offset) or from Gradescope's {@code submission_metadata.json} ({@code created_at}).
 */
public final class SubmissionTimes {

    private SubmissionTimes() {
    }

    /** student → submission instant, from a CSV with a header line naming student and submitted_at. */
    public static Map<String, Instant> csv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty; expected a header 'student,submitted_at'");
        }
        List<String> header = List.of(lines.get(0).strip().toLowerCase().split("\\s*,\\s*"));
        int student = header.indexOf("student");
        int time = header.indexOf("submitted_at");
        if (student < 0 || time < 0) {
            throw new IllegalArgumentException(file + ": line 1 must name the columns student and submitted_at, got " + header);
        }
        Map<String, Instant> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length <= Math.max(student, time)) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected " + header.size() + " columns");
            }
            out.put(unquote(cells[student]), instant(cells[time], file + ":" + (i + 1)));
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
        String t = unquote(text);
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeException e) {
            // Gradescope writes e.g. 2026-09-14T00:10:07.123456-07:00, which ISO parsing accepts;
            // anything else is a mistake worth naming
            throw new IllegalArgumentException(where + ": not a time with offset like 2026-09-14T00:10:00+02:00: " + t);
        }
    }

    private static String unquote(String s) {
        String v = s.strip();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
