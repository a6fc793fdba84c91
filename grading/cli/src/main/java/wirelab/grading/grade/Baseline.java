package wirelab.grading.grade;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import wirelab.grading.run.RunOutcome;
import wirelab.grading.run.TestResult;

/**
 * The lab's test plan, learnt once by running the tests on the reference solution: every test
 * with its name and points, and whether the reference passes it. A submission is scored against
 * this plan, so a test that never ran for a student (its class did not load) still counts, as lost.
 */
public record Baseline(List<Planned> tests, List<String> problems) {

    /** One test of the plan. */
    public record Planned(String id, String name, double points, boolean graded, boolean referencePasses, double seconds) {
        public String className() {
            int hash = id.indexOf('#');
            return hash < 0 ? id : id.substring(0, hash);
        }

        public String group() {
            String cls = className();
            return cls.substring(cls.lastIndexOf('.') + 1);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static Baseline of(RunOutcome reference) {
        List<Planned> tests = new ArrayList<>();
        for (TestResult r : reference.results()) {
            tests.add(new Planned(r.id(), r.name(), r.points(), r.graded(), r.passed(), r.millis() / 1000.0));
        }
        return new Baseline(tests, reference.problems());
    }

    /** Test classes to select, in plan order. */
    public List<String> testClasses() {
        Set<String> out = new LinkedHashSet<>();
        tests.forEach(t -> out.add(t.className()));
        return List.copyOf(out);
    }

    /** Seconds the reference needed for all tests. */
    public double referenceSeconds() {
        return tests.stream().mapToDouble(Planned::seconds).sum();
    }

    public double max() {
        return tests.stream().filter(Planned::graded).mapToDouble(Planned::points).sum();
    }

    void save(Path file) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Baseline load(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<Baseline>() { });
        } catch (IOException e) {
            return null;
        }
    }
}
