package wirelab.grading.handouts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The points table of a handout: the first Markdown table under the heading "How it is graded",
 * one row per part and a last row "total". A column is public, hidden or race points by the first
 * word of its header ("public tests", "hidden tests", "race tests" or "jcstress"); another column
 * whose cell in the total row is a number is the total (the threads handout calls it "total", the
 * others put the total under "what the hidden tests add").
 */
record PointsTable(int line, Map<Kind, Integer> totals, Integer total, Integer headingTotal, List<String> problems) {

    /** What a column counts. */
    enum Kind {
        PUBLIC("public"), HIDDEN("hidden"), RACE("race");

        final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("^\\**\\s*(\\d+)\\s*\\**");
    private static final Pattern HEADING_POINTS = Pattern.compile("\\((\\d+) points\\)");

    static Optional<PointsTable> parse(List<String> lines) {
        int heading = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("#+\\s+How it is graded.*")) {
                heading = i;
                break;
            }
        }
        if (heading < 0) {
            return Optional.empty();
        }
        Matcher hp = HEADING_POINTS.matcher(lines.get(heading));
        Integer headingTotal = hp.find() ? Integer.valueOf(hp.group(1)) : null;
        int start = heading + 1;
        while (start < lines.size() && !lines.get(start).strip().startsWith("|")) {
            start++;
        }
        List<List<String>> rows = new ArrayList<>();
        int end = start;
        while (end < lines.size() && lines.get(end).strip().startsWith("|")) {
            rows.add(cells(lines.get(end)));
            end++;
        }
        if (rows.size() < 3) {
            return Optional.empty();
        }
        List<String> header = rows.get(0);
        List<List<String>> body = rows.subList(2, rows.size());
        List<String> totalRow = body.get(body.size() - 1);
        List<String> problems = new ArrayList<>();
        if (!totalRow.get(0).replace("*", "").strip().equalsIgnoreCase("total")) {
            problems.add("the table's last row is not the total row: " + String.join(" | ", totalRow));
        }
        Map<Kind, Integer> totals = new EnumMap<>(Kind.class);
        Map<Kind, Integer> columns = new EnumMap<>(Kind.class);
        Integer total = null;
        for (int c = 1; c < header.size() && c < totalRow.size(); c++) {
            Optional<Kind> kind = kindOf(header.get(c));
            Optional<Integer> value = number(totalRow.get(c));
            if (kind.isPresent()) {
                columns.put(kind.get(), c);
                totals.put(kind.get(), value.orElse(0));
            } else if (value.isPresent()) {
                total = value.get();
            }
        }
        // the parts add up to the total row, column by column
        for (Map.Entry<Kind, Integer> e : columns.entrySet()) {
            int sum = 0;
            for (List<String> row : body.subList(0, body.size() - 1)) {
                sum += e.getValue() < row.size() ? number(row.get(e.getValue())).orElse(0) : 0;
            }
            if (sum != totals.get(e.getKey())) {
                problems.add("the parts' " + e.getKey().word + " points add up to " + sum + ", the total row says "
                        + totals.get(e.getKey()));
            }
        }
        return Optional.of(new PointsTable(start + 1, totals, total, headingTotal, problems));
    }

    private static Optional<Kind> kindOf(String header) {
        String first = header.replace("*", "").strip().toLowerCase(Locale.ROOT);
        if (first.startsWith("jcstress")) {
            return Optional.of(Kind.RACE);
        }
        for (Kind k : Kind.values()) {
            if (first.startsWith(k.word)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The number a cell starts with ("8: incl. …", "**55**"); a dash or an empty cell is none. */
    static Optional<Integer> number(String cell) {
        Matcher m = NUMBER.matcher(cell.strip());
        return m.find() ? Optional.of(Integer.valueOf(m.group(1))) : Optional.empty();
    }

    private static List<String> cells(String row) {
        String r = row.strip();
        r = r.substring(1, r.endsWith("|") ? r.length() - 1 : r.length());
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean code = false;
        for (char ch : r.toCharArray()) {
            if (ch == '`') {
                code = !code;
            }
            if (ch == '|' && !code) {
                out.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString().strip());
        return out;
    }
}
