package wirelab.similarity;

import java.util.List;
import java.util.Locale;

/** pairs.csv and a self-contained report.html (no scripts, no CDN) with the top pairs. */
final class Report {

    private Report() {
    }

    static String csv(List<SimilarityMain.Pair> pairs) {
        StringBuilder sb = new StringBuilder("first,second,similarity,max_similarity,matched_tokens\n");
        for (SimilarityMain.Pair p : pairs) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%.4f,%.4f,%d%n", p.first(), p.second(), p.similarity(),
                    p.maxSimilarity(), p.tokens()));
        }
        return sb.toString();
    }

    static String html(List<SimilarityMain.Pair> pairs, int submissions, String jplagReport) {
        StringBuilder rows = new StringBuilder();
        int rank = 0;
        for (SimilarityMain.Pair p : pairs) {
            double pct = 100 * p.similarity();
            rows.append(String.format(Locale.ROOT,
                    "<tr><td>%d</td><td>%s</td><td>%s</td><td><span class=bar style=\"width:%.0fpx\"></span> %.1f%%</td>"
                            + "<td>%.1f%%</td><td>%d</td></tr>%n",
                    ++rank, esc(p.first()), esc(p.second()), pct * 2, pct, 100 * p.maxSimilarity(), p.tokens()));
        }
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Similarity: top pairs</title>
                <style>
                body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:60em}
                table{border-collapse:collapse}td,th{padding:.3em .8em;border-bottom:1px solid #ddd;text-align:left}
                .bar{display:inline-block;height:.8em;background:#c0392b;vertical-align:middle}
                </style></head><body>
                <h1>Similarity: top pairs</h1>
                <p>%d submissions compared by JPlag (Java), with the published starter as base code: code every
                student was given never counts as a match. A high score is a reason to look, not a verdict;
                open <code>%s</code> in JPlag's report viewer to see the matching code side by side.</p>
                <table><thead><tr><th>#</th><th>first</th><th>second</th><th>average similarity</th>
                <th>maximum similarity</th><th>matched tokens</th></tr></thead><tbody>
                %s</tbody></table></body></html>
                """.formatted(submissions, esc(jplagReport), rows);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
