package wirelab.grading.result;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CSV tables with a header line, as LMS imports expect them: RFC 4180 quoting and CRLF line ends,
 * read and written by Jackson's CSV module. On writing, a cell that a spreadsheet would run as a
 * formula (a leading {@code = + - @}, other than a plain signed number) gets a leading apostrophe:
 * student names are untrusted text. On reading, header names are trimmed and lower-cased, and a
 * spreadsheet's byte-order mark is dropped.
 */
public final class CsvTable {

    // quotes only the cells that need it (a comma, a quote, a line break), as spreadsheets write them
    private static final CsvMapper MAPPER = new CsvMapper()
            .enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);

    /** A row: header name (trimmed, lower case) → cell. {@code line} is its 1-based line in the file. */
    public record Row(int line, Map<String, String> cells) {
        public String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    private CsvTable() {
    }

    public static void write(Path file, List<String> header, List<List<String>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setLineSeparator("\r\n").setUseHeader(true);
        header.forEach(schema::addColumn);
        List<List<String>> defused = rows.stream().map(r -> r.stream().map(CsvTable::defuse).toList()).toList();
        try {
            MAPPER.writer(schema.build()).writeValue(file.toFile(), defused);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The rows of {@code file}; fails, naming the file, when it lacks one of {@code required}. */
    public static List<Row> read(Path file, String... required) {
        List<Row> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = MAPPER.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            while (it.hasNextValue()) {
                Map<String, String> cells = new LinkedHashMap<>();
                it.nextValue().forEach((k, v) -> cells.put(column(k), v));
                rows.add(new Row(it.getParser().currentTokenLocation().getLineNr(), cells));
            }
            if (it.getParserSchema() instanceof CsvSchema s) {
                s.forEach(c -> header.add(column(c.getName())));
            }
        } catch (IOException | RuntimeJsonMappingException e) {
            throw new IllegalArgumentException(file + ": not a readable CSV table: " + e.getMessage(), e);
        }
        for (String column : required) {
            if (!header.contains(column)) {
                throw new IllegalArgumentException(file + ": line 1 must name the columns "
                        + String.join(", ", required) + "; got " + header);
            }
        }
        return rows;
    }

    private static String column(String name) {
        return name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    static String defuse(String cell) {
        String v = cell == null ? "" : cell;
        // a signed number (an adjustment's -2 or +1.5) is data, not a formula
        return v.matches("^[=+\\-@].*") && !v.matches("^[+-]\\d+(\\.\\d+)?$") ? "'" + v : v;
    }
}
