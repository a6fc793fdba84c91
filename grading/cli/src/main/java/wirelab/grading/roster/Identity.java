package wirelab.grading.roster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import wirelab.grading.intake.Submitter;

/**
 * Who a graded submission is, kept beside its results as {@code submission.json}: where it came
 * from, who submitted it and when, and the roster students it belongs to. The class files
 * (gradebook, report, exports, {@code late}) read it, so a regrade of one student or a later
 * export needs neither the submissions nor the roster flag again.
 *
 * @param student     the results folder's name
 * @param source      classroom, gradescope, folder or zip
 * @param sourceId    its name in the export
 * @param submittedAt ISO 8601 instant, or blank when unknown
 * @param timeNote    where the time comes from, or why there is none
 * @param roster      the roster students it counts for (several for a group submission; empty when unmatched)
 * @param matchedBy   the roster column that matched (sis_id, email, github, student), blank when unmatched or no roster
 */
public record Identity(String student, String source, String sourceId, List<Submitter> submitters, String submittedAt,
        String timeNote, List<String> roster, String matchedBy) {

    public static final String FILE = "submission.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Identity {
        submitters = submitters == null ? List.of() : List.copyOf(submitters);
        roster = roster == null ? List.of() : List.copyOf(roster);
        submittedAt = submittedAt == null ? "" : submittedAt;
        timeNote = timeNote == null ? "" : timeNote;
        matchedBy = matchedBy == null ? "" : matchedBy;
    }

    public Instant submitted() {
        return submittedAt.isEmpty() ? null : Instant.parse(submittedAt);
    }

    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve(FILE).toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE), e);
        }
    }

    /** Results folder → submit time, for every graded student of {@code outDir} whose export gave one. */
    public static Map<String, Instant> times(Path outDir) {
        Map<String, Instant> out = new TreeMap<>();
        Path students = outDir.resolve("students");
        if (!Files.isDirectory(students)) {
            return out;
        }
        try (Stream<Path> s = Files.list(students)) {
            for (Path dir : s.toList()) {
                Identity id = read(dir);
                if (id != null && id.submitted() != null) {
                    out.put(dir.getFileName().toString(), id.submitted());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + students, e);
        }
        return out;
    }

    /** The identity kept in a student's results folder, or null when there is none (graded before it was kept). */
    public static Identity read(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return JSON.readValue(f.toFile(), Identity.class);
        } catch (IOException e) {
            return null;
        }
    }
}
