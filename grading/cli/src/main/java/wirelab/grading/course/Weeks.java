package wirelab.grading.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads and validates every {@code modules/week*}/module.yaml. A bad date, an unknown lab, a
 * duplicate week or an unknown field fails with the file and the field in the message.
 */
public final class Weeks {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FIELDS = Set.of("week", "title", "release", "due", "labs", "points", "handout", "late");
    private static final Set<String> LATE_FIELDS = Set.of("grace_minutes", "percent_per_day", "max_days");

    private Weeks() {
    }

    /** Every week with a descriptor, by week number; empty when modules/ has none. */
    public static List<Week> load(Path modules, Set<String> knownLabs) {
        if (!Files.isDirectory(modules)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> dirs = Files.list(modules)) {
            files = dirs.map(d -> d.resolve(Week.DESCRIPTOR)).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Week> weeks = new ArrayList<>();
        Map<Integer, Path> byNumber = new HashMap<>();
        Map<String, Path> byLab = new HashMap<>();
        for (Path file : files) {
            Week w = parse(file, knownLabs);
            Path other = byNumber.putIfAbsent(w.number(), file);
            if (other != null) {
                throw new DescriptorException(file, "week", "week " + w.number() + " is already described by " + other);
            }
            for (String lab : w.labs()) {
                Path twice = byLab.putIfAbsent(lab, file);
                if (twice != null) {
                    throw new DescriptorException(file, "labs", "lab '" + lab + "' is already released by " + twice);
                }
            }
            weeks.add(w);
        }
        weeks.sort(Comparator.comparingInt(Week::number));
        return List.copyOf(weeks);
    }

    /** One descriptor, validated against the labs that exist in solutions/. */
    public static Week parse(Path file, Set<String> knownLabs) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new DescriptorException(file, "(file)", "not valid YAML: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new DescriptorException(file, "(file)", "expected a mapping with " + FIELDS);
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new DescriptorException(file, f, "unknown field; the fields are " + FIELDS);
            }
        }
        int number = positiveInt(file, root, "week");
        String title = text(file, root, "title");
        LocalDate release;
        try {
            release = LocalDate.parse(text(file, root, "release"));
        } catch (DateTimeException e) {
            throw new DescriptorException(file, "release", "not a date like 2026-09-07: " + root.get("release").asText());
        }
        ZonedDateTime due;
        try {
            due = OffsetDateTime.parse(text(file, root, "due")).toZonedDateTime();
        } catch (DateTimeException e) {
            throw new DescriptorException(file, "due", "not a date-time with offset like 2026-09-13T23:59:00+02:00: "
                    + root.get("due").asText());
        }
        if (!due.toLocalDate().isAfter(release.minusDays(1)) || !due.isAfter(release.atStartOfDay(due.getZone()))) {
            throw new DescriptorException(file, "due", "the deadline " + due + " is not after the release " + release);
        }
        JsonNode labsNode = root.get("labs");
        if (labsNode == null || !labsNode.isArray() || labsNode.isEmpty()) {
            throw new DescriptorException(file, "labs", "expected a non-empty list of lab names, e.g. [threads]");
        }
        List<String> labs = new ArrayList<>();
        for (JsonNode l : labsNode) {
            String name = l.asText();
            if (!knownLabs.contains(name)) {
                throw new DescriptorException(file, "labs", "unknown lab '" + name + "'; the labs in solutions/ are "
                        + knownLabs.stream().sorted().toList());
            }
            labs.add(name);
        }
        JsonNode pointsNode = root.get("points");
        if (pointsNode == null || !pointsNode.isNumber() || pointsNode.asDouble() <= 0) {
            throw new DescriptorException(file, "points", "expected a positive number, got " + pointsNode);
        }
        String handout = root.hasNonNull("handout") ? root.get("handout").asText() : "README.md";
        if (handout.contains("..") || handout.startsWith("/")) {
            throw new DescriptorException(file, "handout", "must be a file inside the module folder: " + handout);
        }
        return new Week(file.getParent(), number, title, release, due, List.copyOf(labs), pointsNode.asDouble(),
                handout, late(file, root.get("late")));
    }

    private static LatePolicy late(Path file, JsonNode late) {
        if (late == null || late.isNull()) {
            return LatePolicy.NONE;
        }
        if (!late.isObject()) {
            throw new DescriptorException(file, "late", "expected a mapping with " + LATE_FIELDS);
        }
        for (Iterator<String> it = late.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!LATE_FIELDS.contains(f)) {
                throw new DescriptorException(file, "late." + f, "unknown field; the fields are " + LATE_FIELDS);
            }
        }
        int grace = nonNegativeInt(file, late, "grace_minutes", 0);
        JsonNode pct = late.get("percent_per_day");
        if (pct != null && (!pct.isNumber() || pct.asDouble() < 0 || pct.asDouble() > 100)) {
            throw new DescriptorException(file, "late.percent_per_day", "expected a number from 0 to 100, got " + pct);
        }
        int maxDays = nonNegativeInt(file, late, "max_days", Integer.MAX_VALUE);
        return new LatePolicy(grace, pct == null ? 0 : pct.asDouble(), maxDays);
    }

    private static int positiveInt(Path file, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() <= 0) {
            throw new DescriptorException(file, field, "expected a whole number above 0, got " + v);
        }
        return v.asInt();
    }

    private static int nonNegativeInt(Path file, JsonNode node, String field, int absent) {
        JsonNode v = node.get(field);
        if (v == null) {
            return absent;
        }
        if (!v.isIntegralNumber() || v.asInt() < 0) {
            throw new DescriptorException(file, "late." + field, "expected a whole number, 0 or more, got " + v);
        }
        return v.asInt();
    }

    private static String text(Path file, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isBlank() || v.isContainerNode()) {
            throw new DescriptorException(file, field, "missing");
        }
        return v.asText().strip();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
