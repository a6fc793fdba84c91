package wirelab.grading.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import wirelab.grading.result.Feedback;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/**
 * report.html for a class: one self-contained file (inline CSS and SVG, no script, no CDN) with
 * the score distribution, the tests the class failed most (each with its most common first
 * failure line), roster coverage (missing, late, unmatched), the slowest tests, staff adjustments
 * and a drill-down per student. Numbers a test checks carry ids (students, mean, median, full-marks,
 * missing, late, unmatched).
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static void write(String lab, List<SubmissionResult> results, String isolation, Path file) {
        write(lab, results, isolation, ClassView.NONE, file);
    }

    public static void write(String lab, List<SubmissionResult> results, String isolation, ClassView view, Path file) {
        try {
            Files.writeString(file, render(lab, results, isolation, view));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String render(String lab, List<SubmissionResult> results, String isolation) {
        return render(lab, results, isolation, ClassView.NONE);
    }

    public static String render(String lab, List<SubmissionResult> results, String isolation, ClassView view) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>wirelab grading: ")
                .append(esc(lab)).append("</title>\n<style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>Lab <code>").append(esc(lab)).append("</code>: grading report</h1>\n");
        List<Double> pct = results.stream().map(r -> r.max() == 0 ? 0 : 100 * r.score() / r.max()).sorted().toList();
        double mean = pct.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double median = pct.isEmpty() ? 0 : pct.size() % 2 == 1 ? pct.get(pct.size() / 2)
                : (pct.get(pct.size() / 2 - 1) + pct.get(pct.size() / 2)) / 2;
        long full = results.stream().filter(r -> r.max() > 0 && r.score() >= r.max()).count();
        long refused = results.stream().filter(r -> "refused".equals(r.status())).count();
        h.append("<div class=\"cards\">")
                .append(card("students", "students", Integer.toString(results.size())))
                .append(card("mean", "mean score", fmt(mean) + "%"))
                .append(card("median", "median score", fmt(median) + "%"))
                .append(card("full-marks", "full marks", Long.toString(full)))
                .append(card("refused", "not graded", Long.toString(refused)));
        if (view.hasRoster()) {
            h.append(card("missing", "on the roster, no submission", Integer.toString(view.missing().size())))
                    .append(card("unmatched", "not on the roster", Integer.toString(view.unmatched().size())));
        }
        if (!view.due().isEmpty()) {
            h.append(card("late", "late", Integer.toString(view.late().size())));
        }
        h.append("</div>\n");
        h.append("<p class=\"iso\">Isolation: ").append(esc(isolation))
                .append(view.due().isEmpty() ? "" : ". Deadline: " + esc(view.due())).append("</p>\n");
        notGraded(results, h);
        problems(view, h);

        h.append("<h2>Score distribution</h2>\n").append(histogram(pct));

        // the tests most students failed first: what the next lecture should be about
        h.append("<h2>Tests by failure rate</h2>\n<table id=\"pass-rates\"><tr><th>test</th><th>points</th><th>passed</th>"
                + "<th>failed</th><th></th><th>most common first failure line</th></tr>\n");
        for (TestStats t : TestStats.of(results)) {
            if (t.notGradedHere()) {
                h.append("<tr data-test=\"").append(esc(t.id())).append("\" class=\"not-graded\"><td>")
                        .append(esc(t.name())).append("<br><small>").append(esc(t.shortId())).append("</small></td><td>")
                        .append(Feedback.num(t.max())).append("</td><td colspan=\"4\">not graded on this machine</td></tr>\n");
                continue;
            }
            h.append("<tr data-test=\"").append(esc(t.id())).append("\" data-failed=\"").append(t.failed())
                    .append("\"><td>").append(esc(t.name())).append("<br><small>").append(esc(t.shortId()))
                    .append("</small></td><td>").append(Feedback.num(t.max())).append("</td><td class=\"num\">")
                    .append(t.passed()).append("/").append(t.graded()).append("</td><td class=\"num\">")
                    .append(fmt(t.failureRate())).append("%</td><td><div class=\"bar\"><div style=\"width:")
                    .append(fmt(100 - t.failureRate())).append("%\"></div></div></td><td>");
            if (t.commonLine() != null) {
                h.append("<code class=\"first-line\">").append(esc(t.commonLine())).append("</code> <small>(")
                        .append(t.commonCount()).append(" of ").append(t.failed()).append(")</small>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");
        coverage(view, h);

        h.append("<h2>Slowest tests</h2>\n<table id=\"slowest\"><tr><th>seconds</th><th>test</th><th>student</th><th>status</th></tr>\n");
        List<String[]> slow = new ArrayList<>();
        for (SubmissionResult r : results) {
            for (TestVerdict t : r.tests()) {
                slow.add(new String[] {String.format(Locale.ROOT, "%.2f", t.seconds()), t.name(), r.student(), t.status()});
            }
        }
        slow.sort(Comparator.comparingDouble((String[] s) -> -Double.parseDouble(s[0])).thenComparing(s -> s[2]));
        for (String[] s : slow.subList(0, Math.min(10, slow.size()))) {
            h.append("<tr><td class=\"num\">").append(s[0]).append("</td><td>").append(esc(s[1])).append("</td><td>")
                    .append(esc(s[2])).append("</td><td>").append(badge(s[3])).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Students</h2>\n<table id=\"students\"><tr><th>student</th><th>score</th><th>tests</th><th>notes</th></tr>\n");
        for (SubmissionResult r : results) {
            h.append("<tr data-student=\"").append(esc(r.student())).append("\" data-score=\"").append(Feedback.num(r.score()))
                    .append("\"><td><a href=\"#s-").append(esc(anchor(r.student()))).append("\">").append(esc(r.student()))
                    .append("</a></td><td class=\"num\">").append(Feedback.num(r.score())).append(" / ")
                    .append(Feedback.num(r.max()));
            if (!r.adjustments().isEmpty()) {
                h.append("<br><small class=\"adj\">").append(signed(r.adjustmentTotal())).append(" adjusted</small>");
            }
            h.append("</td><td>");
            for (TestVerdict t : r.tests()) {
                h.append("<span class=\"dot ").append(esc(t.status())).append("\" title=\"").append(esc(t.name()))
                        .append(": ").append(esc(t.status())).append("\"></span>");
            }
            h.append("</td><td>").append(esc(r.refusal() != null ? r.refusal()
                    : !r.compile().isEmpty() ? r.compile().size() + " compile error(s)" : "")).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Per student</h2>\n");
        for (SubmissionResult r : results) {
            h.append("<details id=\"s-").append(esc(anchor(r.student()))).append("\"><summary><b>").append(esc(r.student()))
                    .append("</b> — ").append(Feedback.num(r.score())).append(" / ").append(Feedback.num(r.max()))
                    .append("</summary>\n");
            if (r.refusal() != null) {
                h.append("<p class=\"bad\">Not graded: ").append(esc(r.refusal())).append("</p>\n");
            }
            if (!r.compile().isEmpty()) {
                h.append("<pre class=\"bad\">").append(esc(String.join("\n", r.compile()))).append("</pre>\n");
            }
            if (!r.adjustments().isEmpty()) {
                h.append("<div class=\"adjustments\"><b>Adjusted by course staff</b> (the tests gave ")
                        .append(Feedback.num(r.gradedScore())).append("):<ul>");
                r.adjustments().forEach(a -> h.append("<li>").append(esc(a.describe())).append("</li>"));
                h.append("</ul></div>\n");
            }
            if (!r.notes().isEmpty()) {
                h.append("<pre>").append(esc(String.join("\n", r.notes()))).append("</pre>\n");
            }
            h.append("<table><tr><th>status</th><th>points</th><th>test</th><th>seconds</th></tr>\n");
            for (TestVerdict t : r.tests()) {
                h.append("<tr><td>").append(badge(t.status())).append("</td><td class=\"num\">").append(Feedback.num(t.score()))
                        .append("/").append(Feedback.num(t.max())).append("</td><td>").append(esc(t.name()));
                if (!t.passed()) {
                    h.append("<pre>").append(esc(Feedback.testText(t))).append("</pre>");
                }
                h.append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.2f", t.seconds())).append("</td></tr>\n");
            }
            h.append("</table></details>\n");
        }
        h.append("<footer>Generated by <code>./wirelab grade</code>. Same inputs, same scores.</footer>\n</body></html>\n");
        return h.toString();
    }

    /** The tests this machine could not grade (a peer program missing): named, with the points and what to install. */
    private static void notGraded(List<SubmissionResult> results, StringBuilder h) {
        Map<String, TestVerdict> left = new LinkedHashMap<>();
        for (SubmissionResult r : results) {
            r.tests().stream().filter(TestVerdict::notGraded).forEach(t -> left.putIfAbsent(t.id(), t));
        }
        if (left.isEmpty()) {
            return;
        }
        double points = left.values().stream().mapToDouble(TestVerdict::max).sum();
        h.append("<div id=\"not-graded\" class=\"warn\"><p><b>Not graded on this machine</b>: ").append(left.size())
                .append(" test(s), ").append(Feedback.num(points))
                .append(" point(s), left out of every submission's maximum (a peer program the tests drive is missing;"
                        + " a re-run on a machine that has it grades them):</p><ul>\n");
        for (TestVerdict t : left.values()) {
            h.append("<li>").append(esc(t.name())).append(" (").append(Feedback.num(t.max())).append(" pts) — ")
                    .append(esc(t.message())).append("</li>\n");
        }
        h.append("</ul></div>\n");
    }

    /** Adjustments that could not be applied: said at the top, never silently dropped. */
    private static void problems(ClassView view, StringBuilder h) {
        if (view.problems().isEmpty()) {
            return;
        }
        h.append("<div id=\"adjustment-problems\" class=\"warn\"><p><b>Not applied</b> (fix the file and run"
                + " <code>./wirelab adjust</code>):</p><ul>\n");
        view.problems().forEach(p -> h.append("<li>").append(esc(p)).append("</li>\n"));
        h.append("</ul></div>\n");
    }

    /** Who is missing, who was late, and which submissions the roster does not know. */
    private static void coverage(ClassView view, StringBuilder h) {
        if (!view.hasRoster() && view.due().isEmpty()) {
            return;
        }
        h.append("<h2>Roster coverage</h2>\n<div id=\"coverage\">\n");
        if (view.hasRoster()) {
            h.append("<p>").append(view.rosterSize()).append(" student(s) on the roster.</p>\n");
            people("missing-list", "On the roster, no submission", view.missing(), h);
            people("unmatched-list", "Submissions the roster does not know (add their GitHub user, email or SID"
                    + " to roster.csv, then grade again)", view.unmatched(), h);
        }
        if (!view.due().isEmpty()) {
            h.append("<h3>Late</h3>\n");
            if (view.late().isEmpty()) {
                h.append("<p>None.</p>\n");
            } else {
                h.append("<table id=\"late-list\"><tr><th>student</th><th>submitted</th><th>days</th><th>late policy</th></tr>\n");
                for (ClassView.Late l : view.late()) {
                    h.append("<tr data-student=\"").append(esc(l.student())).append("\"><td>").append(esc(l.student()))
                            .append("</td><td>").append(esc(l.submittedAt())).append("</td><td class=\"num\">")
                            .append(l.days()).append("</td><td>").append(esc(l.note())).append("</td></tr>\n");
                }
                h.append("</table>\n");
            }
        }
        h.append("</div>\n");
    }

    private static void people(String id, String title, List<ClassView.Person> people, StringBuilder h) {
        h.append("<h3>").append(esc(title)).append("</h3>\n");
        if (people.isEmpty()) {
            h.append("<p>None.</p>\n");
            return;
        }
        h.append("<ul id=\"").append(id).append("\">\n");
        for (ClassView.Person p : people) {
            h.append("<li data-student=\"").append(esc(p.student())).append("\"><b>").append(esc(p.student()))
                    .append("</b>").append(p.detail().isEmpty() ? "" : " — " + esc(p.detail())).append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private static String signed(double d) {
        return (d > 0 ? "+" : "") + Feedback.num(d);
    }

    /** Ten bins of 10 % (the last holds 100 %), as inline SVG bars with their counts. */
    static String histogram(List<Double> pct) {
        int[] bins = new int[10];
        for (double p : pct) {
            bins[Math.min(9, (int) (p / 10))]++;
        }
        int most = 1;
        for (int b : bins) {
            most = Math.max(most, b);
        }
        StringBuilder s = new StringBuilder("<svg id=\"histogram\" width=\"520\" height=\"190\" role=\"img\" aria-label=\"score distribution\">\n");
        for (int i = 0; i < 10; i++) {
            int height = 140 * bins[i] / most;
            int x = 10 + i * 50;
            s.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"42\" height=\"%d\" class=\"bin\" data-count=\"%d\"/>"
                            + "<text x=\"%d\" y=\"%d\" class=\"c\">%d</text><text x=\"%d\" y=\"182\" class=\"l\">%d%s</text>%n",
                    x, 160 - height, height, bins[i], x + 21, 155 - height, bins[i], x + 21, i * 10, i == 9 ? "+" : ""));
        }
        return s.append("</svg>\n").toString();
    }

    private static String card(String id, String label, String value) {
        return "<div class=\"card\"><div class=\"v\" id=\"" + id + "\">" + esc(value) + "</div><div class=\"k\">" + esc(label)
                + "</div></div>";
    }

    private static String badge(String status) {
        return "<span class=\"badge " + esc(status) + "\">" + esc(status) + "</span>";
    }

    private static String anchor(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    private static final String CSS = """
            body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
            h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
            .cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:8px;padding:.6em 1.2em;min-width:7em}
            .card .v{font-size:1.7em;font-weight:600}.card .k{color:#666}
            .iso{color:#555;font-size:.9em}
            table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
            .num{text-align:right;white-space:nowrap}small{color:#888}
            .bar{background:#eee;width:160px;height:12px;border-radius:6px}.bar div{background:#3a7;height:12px;border-radius:6px}
            .bin{fill:#4a80c8}.c,.l{font-size:11px;text-anchor:middle}
            .dot{display:inline-block;width:10px;height:10px;border-radius:5px;margin:0 1px;background:#c33}
            .dot.passed{background:#3a7}.dot.timeout{background:#e90}.dot.crashed{background:#808}.dot[class~="not-compiled"]{background:#999}
            .badge{padding:1px 6px;border-radius:4px;color:#fff;background:#c33;font-size:.85em}.badge.passed{background:#3a7}
            .badge.timeout{background:#e90}.badge.crashed{background:#808}.badge[class~="not-compiled"]{background:#999}
            .dot[class~="not-graded"]{background:#fff;border:1px dashed #999}.badge[class~="not-graded"]{background:#fff;color:#555;border:1px dashed #999}
            .warn{background:#fff6e0;border:1px solid #e90;padding:0 .8em;margin:.5em 0}
            pre{background:#f6f6f6;padding:.5em;overflow:auto;max-height:24em;white-space:pre-wrap}.bad{color:#a00}
            details{border:1px solid #ddd;border-radius:6px;margin:.4em 0;padding:.3em .8em}summary{cursor:pointer}
            footer{margin-top:2em;color:#888;font-size:.85em}
            .first-line{font-size:.85em;background:#f6f6f6;padding:1px 4px}.adj{color:#a60}
            .adjustments{background:#fff6e0;border:1px solid #e90;padding:.2em .8em;margin:.4em 0}
            """;
}
