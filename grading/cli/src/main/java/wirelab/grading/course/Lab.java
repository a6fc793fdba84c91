package wirelab.grading.course;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * One lab: its reference solution in {@code solutions/<name>} and its generated starter in
 * {@code labs/<name>}, with the facts from the optional {@code lab.properties}.
 */
public record Lab(String name, Path solutionDir, Path starterDir, Properties properties) {

    public static final String PROPERTIES = "lab.properties";

    static Lab load(Path solutionDir, Path labsDir) {
        String name = solutionDir.getFileName().toString();
        Properties props = new Properties();
        Path file = solutionDir.resolve(PROPERTIES);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return new Lab(name, solutionDir, labsDir.resolve(name), props);
    }

    /**
     * Whether the jcstress race tests count toward the lab's points ({@code race.graded=true}): then
     * every grading channel runs them (grade, the demo, Gradescope) and the maximum includes them;
     * otherwise they are practice (students run them with {@code ./mvnw verify}, the release gate
     * checks them) and no channel scores them. One rule per lab, read by every channel.
     */
    public boolean raceTestsGraded() {
        return Boolean.parseBoolean(properties.getProperty("race.graded", "false").strip());
    }

    /** Whether students get the jcstress tests (race.tests=student) or only graders (hidden). */
    public boolean raceTestsPublic() {
        return "student".equalsIgnoreCase(properties.getProperty("race.tests", "hidden").trim());
    }

    public Path mainSources() {
        return solutionDir.resolve("src/main/java");
    }

    public Path publicTests() {
        return solutionDir.resolve("src/test/java");
    }

    public Path hiddenTests() {
        return solutionDir.resolve("src/grading/java");
    }

    public Path raceTests() {
        return solutionDir.resolve("src/jcstress/java");
    }
}
