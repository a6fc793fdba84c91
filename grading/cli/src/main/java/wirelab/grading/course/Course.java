package wirelab.grading.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The course repository: where solutions, labs and modules live. Found from the
 * {@code WIRELAB_HOME} environment variable (set by ./wirelab) or by walking up from the
 * working directory to the folder that holds {@code solutions/} and {@code pom.xml}.
 */
public record Course(Path root) {

    public static Course locate() {
        String home = System.getenv("WIRELAB_HOME");
        if (home != null && !home.isBlank()) {
            return new Course(Path.of(home).toAbsolutePath().normalize());
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("solutions")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return new Course(p);
            }
        }
        throw new IllegalStateException("not inside a wirelab course repository (no solutions/ above "
                + dir + "); set WIRELAB_HOME");
    }

    public Path solutions() {
        return root.resolve("solutions");
    }

    public Path labs() {
        return root.resolve("labs");
    }

    public Path modules() {
        return root.resolve("modules");
    }

    /** Every lab: a folder of solutions/ with a pom.xml, by name. */
    public List<Lab> labList() {
        try (Stream<Path> dirs = Files.list(solutions())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .sorted()
                    .map(d -> Lab.load(d, labs()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Lab> lab(String name) {
        return labList().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public Lab requireLab(String name) {
        return lab(name).orElseThrow(() -> new IllegalArgumentException("no lab named '" + name
                + "'; the labs are " + labList().stream().map(Lab::name).toList()));
    }

    /** The weeks described in modules/week<N>-<name>/module.yaml, validated, by number (empty when none). */
    public List<Week> weeks() {
        return Weeks.load(modules(), labList().stream().map(Lab::name).collect(java.util.stream.Collectors.toSet()));
    }

    /** The week that releases a lab, when a descriptor names it. */
    public Optional<Week> weekOf(Lab lab) {
        return weeks().stream().filter(w -> w.labs().contains(lab.name())).findFirst();
    }

    /**
     * The handout for a lab: the handout of the week whose descriptor lists the lab; without
     * descriptors, modules/week*-<lab>/README.md by folder name.
     */
    public Optional<Path> handout(Lab lab) {
        if (!Files.isDirectory(modules())) {
            return Optional.empty();
        }
        Optional<Week> week = weekOf(lab);
        if (week.isPresent()) {
            return Optional.of(week.get().handoutFile()).filter(Files::isRegularFile);
        }
        try (Stream<Path> dirs = Files.list(modules())) {
            return dirs.filter(d -> d.getFileName().toString().matches("week\\d+-" + lab.name()))
                    .map(d -> d.resolve("README.md"))
                    .filter(Files::isRegularFile)
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
