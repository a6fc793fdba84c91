package wirelab.grading.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import wirelab.grading.result.SubmissionResult;

/**
 * Writes one submission's results in every shape: result.json (wirelab's schema, read back for
 * resume and diff), results.json (Gradescope), junit.xml, and feedback.txt (what the student reads).
 */
public final class ResultFiles {

    public static final String RESULT = "result.json";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {
    }

    public static void write(SubmissionResult r, Path dir) {
        write(r, dir, null);
    }

    /** @param publicClasses the lab's test classes students have: feedback.txt marks the others [hidden] */
    public static void write(SubmissionResult r, Path dir, Set<String> publicClasses) {
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve(RESULT).toFile(), r);
            JSON.writeValue(dir.resolve("results.json").toFile(), GradescopeJson.of(r));
            Files.writeString(dir.resolve("junit.xml"), JUnitXml.of(r));
            Files.writeString(dir.resolve("feedback.txt"), Feedback.of(r, publicClasses));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir, e);
        }
    }

    /** A result.json read back, or null when there is none or it is unreadable. */
    public static SubmissionResult read(Path dir) {
        Path file = dir.resolve(RESULT);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            SubmissionResult r = JSON.readValue(file.toFile(), SubmissionResult.class);
            return SubmissionResult.SCHEMA.equals(r.schema()) ? r : null;
        } catch (IOException e) {
            return null;
        }
    }
}
