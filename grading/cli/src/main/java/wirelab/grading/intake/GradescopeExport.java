package wirelab.grading.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Gradescope's "Export Submissions": a zip (or the folder it unpacks to) with
 * {@code submission_metadata.yml} at its top, or one folder down, and a folder
 * {@code submission_<id>/} per submission. The metadata is Ruby-flavoured YAML with symbol keys:
 * <pre>
 * submission_123:
 *   :submitters:
 *   - :name: Ada Lovelace
 *     :sid: '1815'
 *     :email: ada@example.edu
 *   :created_at: 2026-09-14 21:03:57.297916000 Z
 *   :score: 10.0
 * </pre>
 * Each submission is named by its first submitter (email, else SID); every submitter of a group
 * submission is kept. The submit time is {@code :created_at:}.
 */
public final class GradescopeExport {

    public static final String METADATA = "submission_metadata.yml";
    /** A class's export: bigger than one student's zip. */
    static final long MAX_BYTES = 4L * 1024 * 1024 * 1024;
    static final int MAX_FILES = 500_000;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Ruby's Time#to_yaml: 2019-09-04 21:03:57.297916000 Z, or with an offset (+01:00). */
    private static final DateTimeFormatter RUBY_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendLiteral(' ').appendOffset("+HH:MM", "Z").toFormatter();

    private GradescopeExport() {
    }

    /** Whether {@code input} is an export: a folder or zip with the metadata at its top or one folder down. */
    public static boolean is(Path input) {
        if (Files.isDirectory(input, LinkOption.NOFOLLOW_LINKS)) {
            return metadataIn(input).isPresent();
        }
        if (!Files.isRegularFile(input, LinkOption.NOFOLLOW_LINKS) || !input.toString().toLowerCase().endsWith(".zip")) {
            return false;
        }
        try (ZipFile zip = new ZipFile(input.toFile())) {
            return zip.stream().map(e -> e.getName().replace('\\', '/'))
                    .anyMatch(n -> n.equals(METADATA) || n.matches("[^/]+/" + java.util.regex.Pattern.quote(METADATA)));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The submissions of an export. A zip is unpacked safely into {@code scratch} first.
     *
     * @param warnings what the metadata names but the export lacks, and the like
     */
    public static List<Handin> read(Path input, Path scratch, List<String> warnings) throws Refused, IOException {
        Path root = input;
        if (!Files.isDirectory(input, LinkOption.NOFOLLOW_LINKS)) {
            root = scratch.resolve(Intake.studentOf(input));
            SafeUnzip.unzip(input, root, MAX_BYTES, MAX_FILES);
        }
        Path metadata = metadataIn(root).orElseThrow(() -> new Refused(input.getFileName() + " has no " + METADATA));
        JsonNode doc;
        try {
            doc = YAML.readTree(metadata.toFile());
        } catch (IOException e) {
            throw new Refused(METADATA + " of " + input.getFileName() + " is not readable YAML: " + e.getMessage());
        }
        if (doc == null || !doc.isObject()) {
            throw new Refused(METADATA + " of " + input.getFileName() + " holds no submissions");
        }
        Path dir = metadata.getParent();
        List<Handin> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : doc.properties()) {
            String id = e.getKey();
            Path folder = dir.resolve(id).normalize();
            if (!folder.startsWith(dir) || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                warnings.add(input.getFileName() + ": " + METADATA + " lists " + id + " but the export has no folder "
                        + id + "/; skipped");
                continue;
            }
            List<Submitter> who = new ArrayList<>();
            for (JsonNode s : field(e.getValue(), "submitters")) {
                who.add(new Submitter(text(s, "name"), text(s, "email"), text(s, "sid"), ""));
            }
            String created = text(e.getValue(), "created_at");
            Instant at = created.isEmpty() ? null : time(created);
            String note = created.isEmpty() ? "no :created_at: in " + METADATA
                    : at == null ? "unreadable :created_at: '" + created + "' in " + METADATA : ":created_at: of " + id;
            out.add(new Handin("gradescope", id, folder, who, at, note));
        }
        return out;
    }

    private static Optional<Path> metadataIn(Path dir) {
        if (Files.isRegularFile(dir.resolve(METADATA), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(dir.resolve(METADATA));
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.resolve(METADATA)).filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A Ruby symbol key (":name") or, as some exports write it, a plain one ("name"). */
    private static JsonNode field(JsonNode node, String name) {
        JsonNode v = node == null ? null : node.get(":" + name);
        if (v == null && node != null) {
            v = node.get(name);
        }
        return v == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : v;
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = field(node, name);
        return v.isMissingNode() || v.isNull() ? "" : v.asText().strip();
    }

    /** Ruby's YAML time, or ISO 8601; null when neither. */
    static Instant time(String text) {
        try {
            return OffsetDateTime.parse(text, RUBY_TIME).toInstant();
        } catch (DateTimeException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException e2) {
                return null;
            }
        }
    }
}
