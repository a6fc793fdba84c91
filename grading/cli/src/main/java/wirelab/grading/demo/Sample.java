package wirelab.grading.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import wirelab.grading.run.Sandbox;
import wirelab.grading.run.Threat;

/**
 * One sample submission from {@code grading/samples/<lab>/<name>/}: its base (the reference
 * solution or the starter), a one-line description, what the grader should conclude in words
 * ({@code expect}) and in checkable form ({@code lost}, {@code verdict}: see {@link Expectation}),
 * and its main-source files: patches of the base's files ({@code X.java.diff}) or whole files
 * ({@link SampleBuilder}). A sample with no folder of its own (the reference and the untouched
 * starter) is made up by the demo.
 *
 * <p>A hostile sample names its kind ({@code threat=}): its expectation holds where the grader
 * confines that kind, {@code unconfined} (if given) where it does not, and the paths it must leave
 * {@code absent} are checked where the kind is confined.
 */
public record Sample(String lab, String name, String base, String description, String expect, Expectation check,
        Threat threat, Expectation unconfined, List<Path> absent, Path dir) {

    /** A sample with one expectation everywhere. */
    public Sample(String lab, String name, String base, String description, String expect, Expectation check, Path dir) {
        this(lab, name, base, description, expect, check, null, null, List.of(), dir);
    }

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
                list(p.getProperty("lost.peer-tests", "")));
        if (check.lost().isEmpty() && check.verdict().isEmpty()) {
            throw new IllegalArgumentException(file + ": say what the grader must conclude: lost=LO..HI"
                    + " (JUnit points lost) and/or verdict=crashed|timeout|failed|refused");
        }
        Threat threat = p.getProperty("threat", "").isBlank() ? null : Threat.of(p.getProperty("threat"));
        Expectation unconfined = null;
        if (p.containsKey("unconfined.lost") || p.containsKey("unconfined.verdict")) {
            unconfined = new Expectation(p.getProperty("unconfined.lost", "").strip(),
                    p.getProperty("unconfined.verdict", "").strip(), check.lostPeerTests());
        }
        if (threat == null && (unconfined != null || p.containsKey("absent"))) {
            throw new IllegalArgumentException(file + ": unconfined.* and absent= belong to a hostile sample: say its"
                    + " threat=read|write|outlive|reach|exhaust");
        }
        return new Sample(lab, dir.getFileName().toString(), p.getProperty("base", "solution").strip(),
                p.getProperty("description", "").strip(), p.getProperty("expect", "").strip(), check, threat, unconfined,
                list(p.getProperty("absent", "")).stream().map(Path::of).toList(), dir);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** Whether {@code sandbox} confines what this sample tries (a sample that tries nothing: yes). */
    public boolean confinedBy(Sandbox sandbox) {
        return threat == null || sandbox.confines(threat);
    }

    /** What the grader must conclude under {@code sandbox}; empty when nothing is expected there. */
    public Optional<Expectation> checkUnder(Sandbox sandbox) {
        return Optional.ofNullable(confinedBy(sandbox) ? check : unconfined);
    }

    public boolean onStarter() {
        return "starter".equalsIgnoreCase(base);
    }
}
