package wirelab.grading.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import wirelab.grading.course.LabBuild;

/**
 * The jcstress run the Maven build already made on a lab's solution ({@code ./mvnw verify} runs a
 * lab's race tests in its integration-test phase, with the budget the gate uses), when it can stand
 * for the gate's own: its report is newer than every class it tested and says that every one of
 * the lab's race tests passed. Then the gate need not run them on the solution again.
 */
final class BuildRaceRun {

    private static final Pattern PASS_RATE = Pattern.compile("Overall pass rate:\\s*(\\d+)/(\\d+)");

    private BuildRaceRun() {
    }

    /** Where the build's report is, if it shows all {@code raceTests} passed on the classes as they are now. */
    static Optional<Path> passedAll(LabBuild build, List<String> raceTests) {
        Path results = build.lab().solutionDir().resolve("target/jcstress/results");
        Path index = results.resolve("index.html");
        try {
            if (!Files.isRegularFile(index) || raceTests.isEmpty()) {
                return Optional.empty();
            }
            FileTime ran = Files.getLastModifiedTime(index);
            if (newest(build.solutionClasses()).compareTo(ran) >= 0 || newest(build.testClasses()).compareTo(ran) >= 0) {
                return Optional.empty();   // compiled again since: the run tested other classes
            }
            for (String test : raceTests) {
                if (!Files.isRegularFile(results.resolve(test + ".html"))) {
                    return Optional.empty();
                }
            }
            Matcher m = PASS_RATE.matcher(Files.readString(index).replaceAll("<[^>]*>|&nbsp;", " "));
            boolean all = m.find() && m.group(1).equals(m.group(2)) && Integer.parseInt(m.group(2)) == raceTests.size();
            return all ? Optional.of(results) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static FileTime newest(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> {
                try {
                    return Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    return FileTime.fromMillis(Long.MAX_VALUE);
                }
            }).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        }
    }
}
