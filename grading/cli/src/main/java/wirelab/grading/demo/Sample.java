package wirelab.grading.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * One sample submission from {@code grading/samples/<lab>/<name>/}: its base (the reference
 * solution or the starter), a one-line description, what the grader should conclude in words
 * ({@code expect}) and in checkable form ({@code lost}, {@code verdict}: see {@link Expectation}),
 * and the main-source files that differ from the base. A sample with no folder of its own (the
 * reference and the untouched starter) is made up by the demo.
 */
public record Sample(String lab, String name, String base, String description, String expect, Expectation check,
        Path dir) {

    public static Sample load(String lab, Path dir) {
        Properties p = new Properties();
        Path file = dir.resolve("sample.properties");
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Expectation check = new Expectation(p.getProperty("lost", "").strip(), p.getProperty("verdict", "").strip(),
                "bubblewrap".equals(p.getProperty("needs", "").strip()),
                java.util.Arrays.stream(p.getProperty("lost.peer-tests", "").split(",")).map(String::strip)
                        .filter(t -> !t.isEmpty()).toList());
        if (check.lost().isEmpty() && check.verdict().isEmpty()) {
            throw new IllegalArgumentException(file + ": say what the grader must conclude: lost=LO..HI"
                    + " (JUnit points lost) and/or verdict=crashed|timeout|failed|refused");
        }
        return new Sample(lab, dir.getFileName().toString(), p.getProperty("base", "solution").strip(),
                p.getProperty("description", "").strip(), p.getProperty("expect", "").strip(), check, dir);
    }

    public boolean onStarter() {
        return "starter".equalsIgnoreCase(base);
    }
}
