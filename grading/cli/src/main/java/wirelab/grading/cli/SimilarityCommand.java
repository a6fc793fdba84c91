package wirelab.grading.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.files.Folders;
import wirelab.grading.similarity.Jdks;
import wirelab.grading.similarity.Similarity;

/** {@code wirelab similarity SUBMISSIONS --lab LAB}: JPlag over a class, the starter as base code. */
@Command(name = "similarity", mixinStandardHelpOptions = true,
        header = "Look for copied work with JPlag, the published starter excluded.",
        description = {"Look for copied work: JPlag compares every pair of submissions (folders or .zip files; a",
            "folder of them counts as its contents) with the lab's published starter as base code, so",
            "starter code never matches. Writes OUT/jplag-report.zip (JPlag's viewer), OUT/pairs.csv and",
            "OUT/report.html (top pairs). JPlag 6 is GPL-3.0 and needs Java 21+: it runs in its own JVM on",
            "the newest JDK found (--java, $WIRELAB_SIMILARITY_JAVA, $JAVA_HOME, /usr/lib/jvm)."})
final class SimilarityCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SUBMISSIONS")
    List<Path> submissions;

    @Mixin
    LabOption lab = new LabOption();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: similarity-out/<lab>).")
    Path out;

    @Option(names = "--java", paramLabel = "JDK_HOME", description = "The JDK 21+ to run JPlag on.")
    Path java;

    @Option(names = "--min-tokens", defaultValue = "9", description = "JPlag's minimum token match (default 9).")
    int minTokens;

    @Option(names = "--top", defaultValue = "20", description = "Pairs listed in report.html (default 20).")
    int top;

    @Override
    public Integer call() throws Exception {
        Course course = Course.locate();
        Lab l = course.requireLab(lab.name());
        Optional<Jdks.Jdk> jdk = Jdks.newest(Similarity.MIN_JAVA, java);
        if (jdk.isEmpty()) {
            System.err.println("wirelab similarity: JPlag 6 needs Java " + Similarity.MIN_JAVA + " or newer, and only Java "
                    + Runtime.version().feature() + " was found (" + System.getProperty("java.home") + ").");
            System.err.println("Install a JDK 21+ (e.g. apt-get install openjdk-21-jdk-headless, or Temurin 25) or pass --java.");
            System.err.println("(JPlag 4.3.0 still runs on 17 but is two major versions behind; wirelab does not fall back to it.)");
            return 2;
        }
        Path outDir = out != null ? out : Path.of("similarity-out", lab.name());
        Path work = Files.createTempDirectory("wirelab-similarity");
        try {
            int n = Similarity.prepare(course, l, submissions, work);
            if (n < 2) {
                System.err.println("wirelab similarity: found " + n + " submission(s) with Java sources; need at least 2");
                return 2;
            }
            System.out.println("similarity: " + n + " submissions of " + lab.name() + ", base code = the published starter, on JDK "
                    + jdk.get().feature() + (Runtime.version().feature() < Similarity.MIN_JAVA
                            ? " (this tool runs on " + Runtime.version().feature() + "; JPlag gets its own JVM)" : ""));
            int rc = new Similarity(course, jdk.get()).run(work, outDir.toAbsolutePath(), minTokens, top);
            if (rc == 0) {
                System.out.println("wrote " + outDir.resolve("report.html") + " and " + outDir.resolve("jplag-report.zip"));
            }
            return rc == 0 ? 0 : 1;
        } finally {
            Folders.delete(work);   // JPlag's input copies: the report in --out is what stays
        }
    }
}
