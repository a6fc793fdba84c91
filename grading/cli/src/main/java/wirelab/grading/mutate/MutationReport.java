package wirelab.grading.mutate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a mutate run: on the console (survivors with their diffs, then the counts, the
 * score and the time), as {@code mutants.json}, and as a self-contained {@code mutants.html} in
 * the style of report.html, survivors first.
 */
public final class MutationReport {

    private static final List<String> ORDER = List.of(MutantOutcome.SURVIVED, MutantOutcome.ERROR, MutantOutcome.KILLED,
            MutantOutcome.EQUIVALENT, MutantOutcome.NOT_COMPILED);

    private MutationReport() {
    }

    static List<MutantOutcome> sorted(List<MutantOutcome> outcomes) {
        List<MutantOutcome> s = new ArrayList<>(outcomes);
        s.sort(Comparator.comparingInt((MutantOutcome o) -> ORDER.indexOf(o.status()))
                .thenComparing(o -> o.mutant().file()).thenComparingInt(o -> o.mutant().line())
                .thenComparing(o -> o.mutant().id()));
        return s;
    }

    public static String summary(MutationRun.Result r) {
        return String.format(Locale.ROOT, "%s: score %.1f%% (%d killed / %d graded); %d survived, %d equivalent, "
                        + "%d did not compile%s; %s", r.lab(), 100 * r.score(), r.count(MutantOutcome.KILLED),
                r.count(MutantOutcome.KILLED) + r.count(MutantOutcome.SURVIVED) + r.count(MutantOutcome.ERROR),
                r.count(MutantOutcome.SURVIVED), r.count(MutantOutcome.EQUIVALENT), r.count(MutantOutcome.NOT_COMPILED),
                r.count(MutantOutcome.ERROR) > 0 ? ", " + r.count(MutantOutcome.ERROR) + " could not be graded" : "",
                clock(r.seconds()));
    }

    public static void print(MutationRun.Result r, PrintStream out) {
        out.println();
        for (MutantOutcome o : sorted(r.outcomes())) {
            Mutant m = o.mutant();
            switch (o.status()) {
                case MutantOutcome.SURVIVED, MutantOutcome.ERROR -> {
                    out.printf(Locale.ROOT, "%s %s:%d %s  (%s)%n", o.status().equals(MutantOutcome.SURVIVED) ? "SURVIVED" : "ERROR",
                            m.file(), m.line(), m.operator(), m.id());
                    if (o.note() != null) {
                        out.println("  " + o.note());
                    }
                    m.diff().lines().skip(2).forEach(l -> out.println("    " + l));
                }
                case MutantOutcome.KILLED -> out.printf(Locale.ROOT, "killed   %s:%d %s  by %s%s%n", m.file(), m.line(),
                        m.operator(), o.killedBy().get(0), o.killedBy().size() > 1 ? " and " + (o.killedBy().size() - 1) + " more" : "");
                case MutantOutcome.EQUIVALENT -> out.printf(Locale.ROOT, "equivalent %s:%d %s  (%s)%n", m.file(), m.line(),
                        m.operator(), o.note());
                default -> {
                }
            }
        }
        out.println();
        out.println(summary(r));
    }

    public static void writeJson(MutationRun.Result r, Path file) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("lab", r.lab());
        root.put("score", Math.round(r.score() * 10000) / 10000.0);
        Map<String, Long> counts = new LinkedHashMap<>();
        ORDER.forEach(s -> counts.put(s, r.count(s)));
        root.put("counts", counts);
        root.put("seconds", Math.round(r.seconds() * 10) / 10.0);
        root.put("isolation", r.isolation());
        List<Map<String, Object>> list = new ArrayList<>();
        for (MutantOutcome o : sorted(r.outcomes())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", o.mutant().id());
            m.put("file", o.mutant().file());
            m.put("line", o.mutant().line());
            m.put("operator", o.mutant().operator());
            m.put("category", o.mutant().category());
            m.put("status", o.status());
            m.put("killedBy", o.killedBy());
            m.put("note", o.note());
            m.put("diff", o.mutant().diff());
            list.add(m);
        }
        root.put("mutants", list);
        try {
            Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeHtml(MutationRun.Result r, Path file) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>wirelab mutate: ")
                .append(esc(r.lab())).append("</title>\n<style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>Lab <code>").append(esc(r.lab())).append("</code>: mutants of the reference</h1>\n");
        h.append("<div class=\"cards\">")
                .append(card("score", "score", String.format(Locale.ROOT, "%.1f%%", 100 * r.score())));
        for (String s : ORDER) {
            h.append(card(s, s, Long.toString(r.count(s))));
        }
        h.append(card("time", "time", clock(r.seconds()))).append("</div>\n");
        h.append("<p class=\"iso\">Score = killed / (compiled − equivalent). Isolation: ").append(esc(r.isolation()))
                .append("</p>\n");
        String current = null;
        for (MutantOutcome o : sorted(r.outcomes())) {
            if (!o.status().equals(current)) {
                current = o.status();
                h.append("<h2 id=\"").append(current).append("\">").append(esc(current)).append(" (")
                        .append(r.count(current)).append(")</h2>\n");
            }
            Mutant m = o.mutant();
            boolean open = o.status().equals(MutantOutcome.SURVIVED);
            h.append("<details class=\"mutant\" data-id=\"").append(esc(m.id())).append("\" data-status=\"")
                    .append(o.status()).append("\"").append(open ? " open" : "").append("><summary><span class=\"badge ")
                    .append(o.status()).append("\">").append(esc(o.status())).append("</span> <code>").append(esc(m.file()))
                    .append(':').append(m.line()).append("</code> ").append(esc(m.operator())).append(" <small>")
                    .append(esc(m.id())).append("</small></summary>\n");
            if (!o.killedBy().isEmpty()) {
                h.append("<p>killed by:</p><ul>");
                o.killedBy().forEach(k -> h.append("<li>").append(esc(k)).append("</li>"));
                h.append("</ul>");
            }
            if (o.note() != null) {
                h.append("<p>").append(esc(o.note())).append("</p>");
            }
            h.append("<pre class=\"diff\">");
            m.diff().lines().forEach(l -> h.append(l.startsWith("+") && !l.startsWith("+++") ? "<span class=\"add\">"
                    : l.startsWith("-") && !l.startsWith("---") ? "<span class=\"del\">" : "<span>")
                    .append(esc(l)).append("</span>\n"));
            h.append("</pre></details>\n");
        }
        h.append("<footer>wirelab mutate: operators after ConMAn and PIT, applied in the solution regions</footer></body></html>\n");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String card(String id, String key, String value) {
        return "<div class=\"card\" id=\"" + id + "\"><div class=\"v\">" + esc(value) + "</div><div class=\"k\">" + esc(key)
                + "</div></div>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String CSS = """
            body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
            h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
            .cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:8px;padding:.6em 1.2em;min-width:7em}
            .card .v{font-size:1.7em;font-weight:600}.card .k{color:#666}
            .iso{color:#555;font-size:.9em}small{color:#888}
            .badge{padding:1px 6px;border-radius:4px;color:#fff;background:#c33;font-size:.85em}.badge.killed{background:#3a7}
            .badge.equivalent{background:#999}.badge[class~="not-compiled"]{background:#bbb}.badge.error{background:#808}
            pre{background:#f6f6f6;padding:.5em;overflow:auto;max-height:24em}.add{color:#070;background:#e6ffe6}.del{color:#a00;background:#ffecec}
            details{border:1px solid #ddd;border-radius:6px;margin:.4em 0;padding:.3em .8em}summary{cursor:pointer}
            footer{margin-top:2em;color:#888;font-size:.85em}
            """;
}
