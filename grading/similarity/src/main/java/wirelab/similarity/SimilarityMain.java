package wirelab.similarity;

import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.exceptions.ExitException;
import de.jplag.java.JavaLanguage;
import de.jplag.options.JPlagOptions;
import de.jplag.reporting.reportobject.ReportObjectFactory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs JPlag as a library over a folder of submissions (one sub-folder each) with the published
 * starter as base code, so code every student was given is never a match. Writes JPlag's own
 * report (open it in JPlag's report viewer), pairs.csv, and report.html with the top pairs.
 *
 * <p>Run by {@code ./wirelab similarity} in its own JVM (JDK 21+):
 * {@code java -cp ... wirelab.similarity.SimilarityMain SUBMISSIONS BASE OUT [MIN_TOKENS] [TOP]}
 */
public final class SimilarityMain {

    private SimilarityMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SimilarityMain SUBMISSIONS BASE_CODE OUT [MIN_TOKENS] [TOP]");
            System.exit(2);
        }
        int minTokens = args.length > 3 ? Integer.parseInt(args[3]) : 9;
        int top = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        List<Pair> pairs = run(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), minTokens, top);
        for (Pair p : pairs) {
            System.out.printf(Locale.ROOT, "%5.1f%%  %s  %s%n", 100 * p.similarity(), p.first(), p.second());
        }
    }

    /** One compared pair: average and maximum similarity (0..1) and the tokens they share. */
    public record Pair(String first, String second, double similarity, double maxSimilarity, int tokens) {
    }

    public static List<Pair> run(Path submissions, Path baseCode, Path out, int minTokens, int top)
            throws ExitException, IOException {
        Files.createDirectories(out);
        JPlagOptions options = new JPlagOptions(new JavaLanguage(), Set.of(submissions.toFile()), Set.of())
                .withBaseCodeSubmissionDirectory(baseCode.toFile())
                .withMinimumTokenMatch(minTokens);
        JPlagResult result = JPlag.run(options);
        File report = out.resolve("jplag-report.zip").toFile();
        new ReportObjectFactory(report).createAndSaveReport(result);
        List<Pair> pairs = result.getAllComparisons().stream()
                .sorted((a, b) -> Double.compare(b.similarity(), a.similarity()))
                .limit(top)
                .map(SimilarityMain::pair)
                .toList();
        Files.writeString(out.resolve("pairs.csv"), Report.csv(pairs));
        Files.writeString(out.resolve("report.html"), Report.html(pairs, result.getNumberOfSubmissions(), report.getName()));
        return pairs;
    }

    private static Pair pair(JPlagComparison c) {
        return new Pair(c.firstSubmission().getName(), c.secondSubmission().getName(), c.similarity(),
                c.maximalSimilarity(), c.getNumberOfMatchedTokens());
    }
}
