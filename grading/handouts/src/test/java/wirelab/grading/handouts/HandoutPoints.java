package wirelab.grading.handouts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a handout's promises with what the lab's tests are worth: the points table's columns
 * (public, hidden, race) and its total, the "(N points)" of its heading; and every maximum any
 * document states ({@link #statements}): the student's summary line, the lab's total and public
 * points, Gradescope's total, the Classroom workflow's total, a scoreboard's maxima.
 */
final class HandoutPoints {

    private HandoutPoints() {
    }

    /** Every disagreement, each naming the handout's number and the tests' number; empty when they agree. */
    static List<String> check(Path handout, List<String> lines, Map<PointsTable.Kind, Double> tests) {
        List<String> out = new ArrayList<>();
        Optional<PointsTable> parsed = PointsTable.parse(lines);
        if (parsed.isEmpty()) {
            out.add(handout + ": no points table under a heading \"How it is graded\"");
            return out;
        }
        PointsTable table = parsed.get();
        String at = handout + ":" + table.line();
        table.problems().forEach(p -> out.add(at + ": " + p));
        double total = 0;
        for (PointsTable.Kind kind : PointsTable.Kind.values()) {
            double worth = tests.getOrDefault(kind, 0.0);
            total += worth;
            Integer says = table.totals().get(kind);
            if (says == null && worth > 0) {
                out.add(at + ": the table has no " + kind.word + " column, but the lab's " + kind.word + " tests are worth "
                        + LabPoints.num(worth) + " points");
            } else if (says != null && says != worth) {
                out.add(at + ": the table gives the " + kind.word + " tests " + says + " points, but the lab's "
                        + kind.word + " tests are worth " + LabPoints.num(worth) + " (their @Points)");
            }
        }
        if (table.total() == null) {
            out.add(at + ": the total row has no total");
        } else if (table.total() != total) {
            out.add(at + ": the table's total is " + table.total() + ", but the lab's graded tests are worth "
                    + LabPoints.num(total) + " (" + LabPoints.describe(tests) + ")");
        }
        if (table.headingTotal() == null) {
            out.add(handout + ": the heading \"How it is graded\" states no total: write \"How it is graded ("
                    + LabPoints.num(total) + " points)\"");
        } else if (table.headingTotal() != total) {
            out.add(handout + ": the heading says " + table.headingTotal() + " points, but the lab's graded tests are worth "
                    + LabPoints.num(total));
        }
        return out;
    }

    /** What a lab is worth in every channel: its total and its public points. */
    record Maximum(double total, double publicPoints) {
    }

    // "rmi: N / 35 public points", "threads: 51 / 55 public points": the student's summary line
    private static final Pattern SUMMARY = Pattern.compile("\\b(\\w+): (?:N|\\d+(?:\\.\\d+)?)\\s+/\\s+(\\d+)\\s+public\\s+points");
    // "sockets 197 (public 103)"
    private static final Pattern LIST = Pattern.compile("\\b(\\w+)\\s+(\\d+)\\s+\\(public\\s+(\\d+)\\)");
    // a table row of README.md's labs: "| 4 | [`rmi`](…) | topic | 65 (35) |"
    private static final Pattern ROW = Pattern.compile("(?m)^\\|.*?`(\\w+)`.*\\|\\s*(\\d+)\\s+\\((\\d+)\\)\\s*\\|\\s*$");
    // autograder --out and the bundle's README: "total to enter on Gradescope: 65 points (public 35 + hidden 30"
    private static final Pattern GRADESCOPE = Pattern.compile(
            "(?:total to enter on Gradescope|The assignment's total):\\s+(\\d+)\\s+points\\s+\\(public\\s+(\\d+)\\s+\\+");
    // the handouts: "These 85 points are the lab's grade ... the public 55 of them"
    private static final Pattern GRADE = Pattern.compile(
            "(?s)These\\s+(\\d+)\\s+points\\s+are\\s+the\\s+lab's\\s+grade.{0,300}?the\\s+public\\s+(\\d+)\\s+of\\s+them");
    // the Classroom workflow: "# Total: 288 points, the public points of the released labs (sockets 103, ...)"
    private static final Pattern CLASSROOM = Pattern.compile(
            "Total: (\\d+) points, the public points of the released labs \\(([^)]*)\\)");
    private static final Pattern LAB_POINTS = Pattern.compile("(\\w+) (\\d+)");
    // which lab a command is about: "--lab rmi"
    private static final Pattern LAB_OPTION = Pattern.compile("--lab[ =](\\w+)");
    // a scoreboard: "lab rmi", then rows "  reference   65/65  full marks"
    private static final Pattern BOARD = Pattern.compile("(?m)^lab (\\w+)$");
    private static final Pattern BOARD_ROW = Pattern.compile("^\\s+\\S+\\s+\\d+(?:\\.\\d+)?/(\\d+)\\s");

    /**
     * Every maximum the text states, checked against the labs' points: each disagreement names the
     * file and line, the number written and the lab's number. {@code lab} is the lab the whole text
     * is about (a handout, a bundle's README), or null (then "--lab X" above a statement names it).
     * The count of statements found is added to {@code found} (a document that should state a
     * maximum and states none is a problem too).
     */
    static List<String> statements(Path file, String text, String lab, Map<String, Maximum> labs, int[] found) {
        List<String> out = new ArrayList<>();
        Matcher m = SUMMARY.matcher(text);
        while (m.find()) {
            Maximum max = labs.get(m.group(1));
            if (max != null) {
                found[0]++;
                agree(out, file, text, m.start(), m.group(1) + ": the summary line", m.group(2), max.publicPoints(), "public points");
            }
        }
        for (Pattern p : List.of(LIST, ROW)) {
            m = p.matcher(text);
            while (m.find()) {
                Maximum max = labs.get(m.group(1));
                if (max != null) {
                    found[0]++;
                    agree(out, file, text, m.start(), m.group(1) + ": the total", m.group(2), max.total(), "points");
                    agree(out, file, text, m.start(), m.group(1) + ": the public points", m.group(3), max.publicPoints(),
                            "public points");
                }
            }
        }
        for (Pattern p : List.of(GRADESCOPE, GRADE)) {
            m = p.matcher(text);
            while (m.find()) {
                String about = lab != null ? lab : lastLabOption(text, m.start());
                Maximum max = labs.get(about);
                if (max == null) {
                    out.add(file + ":" + line(text, m.start()) + ": a total of which lab? (no --lab above it): " + m.group());
                    continue;
                }
                found[0]++;
                agree(out, file, text, m.start(), about + ": the total", m.group(1), max.total(), "points");
                agree(out, file, text, m.start(), about + ": the public points", m.group(2), max.publicPoints(), "public points");
            }
        }
        m = CLASSROOM.matcher(text);
        while (m.find()) {
            found[0]++;
            double sum = 0;
            Matcher each = LAB_POINTS.matcher(m.group(2));
            while (each.find()) {
                Maximum max = labs.get(each.group(1));
                if (max == null) {
                    out.add(file + ":" + line(text, m.start()) + ": the Classroom total names an unknown lab " + each.group(1));
                    continue;
                }
                sum += max.publicPoints();
                agree(out, file, text, m.start(), "the Classroom total's " + each.group(1), each.group(2), max.publicPoints(),
                        "public points");
            }
            agree(out, file, text, m.start(), "the Classroom total", m.group(1), sum, "public points of its labs");
        }
        m = BOARD.matcher(text);
        while (m.find()) {
            Maximum max = labs.get(m.group(1));
            if (max == null) {
                continue;
            }
            int at = m.end() + 1;
            for (String row : text.substring(Math.min(at, text.length())).split("\n", -1)) {
                Matcher r = BOARD_ROW.matcher(row);
                if (!row.startsWith(" ")) {
                    break;
                }
                if (r.find()) {
                    found[0]++;
                    agree(out, file, text, at, m.group(1) + ": the scoreboard row \"" + row.strip() + "\"", r.group(1), max.total(),
                            "points");
                }
                at += row.length() + 1;
            }
        }
        return out;
    }

    private static void agree(List<String> out, Path file, String text, int at, String what, String says, double is, String unit) {
        if (Double.parseDouble(says) != is) {
            out.add(file + ":" + line(text, at) + ": " + what + " says " + says + ", but the lab's tests are worth "
                    + LabPoints.num(is) + " " + unit);
        }
    }

    private static String lastLabOption(String text, int before) {
        Matcher m = LAB_OPTION.matcher(text.substring(0, before));
        String lab = null;
        while (m.find()) {
            lab = m.group(1);
        }
        return lab;
    }

    private static int line(String text, int at) {
        int n = 1;
        for (int i = 0; i < at && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
