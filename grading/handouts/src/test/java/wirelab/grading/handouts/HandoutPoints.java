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
 * (public, hidden, race) and its total, the "(N points)" of its heading, and every
 * "N / M public points" line it quotes from the student's summary.
 */
final class HandoutPoints {

    private static final Pattern SUMMARY = Pattern.compile("(\\w+): N / (\\d+) public points");

    private HandoutPoints() {
    }

    /** Every disagreement, each naming the handout's number and the tests' number; empty when they agree. */
    static List<String> check(Path handout, List<String> lines, String lab, Map<PointsTable.Kind, Double> tests) {
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
        if (table.headingTotal() != null && table.headingTotal() != total) {
            out.add(handout + ": the heading says " + table.headingTotal() + " points, but the lab's graded tests are worth "
                    + LabPoints.num(total));
        }
        double publicPoints = tests.getOrDefault(PointsTable.Kind.PUBLIC, 0.0);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SUMMARY.matcher(lines.get(i));
            while (m.find()) {
                if (m.group(1).equals(lab) && Integer.parseInt(m.group(2)) != publicPoints) {
                    out.add(handout + ":" + (i + 1) + ": the summary line says " + m.group(2)
                            + " public points, but the lab's public tests are worth " + LabPoints.num(publicPoints));
                }
            }
        }
        return out;
    }
}
