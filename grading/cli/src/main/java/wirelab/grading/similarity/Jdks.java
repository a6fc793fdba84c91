package wirelab.grading.similarity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** Finds the newest installed JDK of at least a given feature version (JPlag 6 needs 21). */
public final class Jdks {

    public record Jdk(Path home, int feature) {
    }

    private Jdks() {
    }

    /**
     * The newest JDK with {@code feature >= min} among: the {@code explicit} one, $WIRELAB_SIMILARITY_JAVA,
     * $JAVA_HOME, the running JVM, and /usr/lib/jvm/*.
     */
    public static Optional<Jdk> newest(int min, Path explicit) {
        List<Path> candidates = new ArrayList<>();
        if (explicit != null) {
            return version(explicit).filter(j -> j.feature() >= min);
        }
        for (String env : List.of("WIRELAB_SIMILARITY_JAVA", "JAVA_HOME")) {
            String v = System.getenv(env);
            if (v != null && !v.isBlank()) {
                candidates.add(Path.of(v));
            }
        }
        candidates.add(Path.of(System.getProperty("java.home")));
        for (Path dir : List.of(Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.forEach(p -> {
                        candidates.add(p);
                        candidates.add(p.resolve("Contents/Home"));
                    });
                } catch (IOException ignored) {
                    // an unreadable folder simply offers no JDK
                }
            }
        }
        return candidates.stream().map(Jdks::version).flatMap(Optional::stream)
                .filter(j -> j.feature() >= min)
                .max(Comparator.comparingInt(Jdk::feature));
    }

    /** The JDK at {@code home}, from its release file, when it has javac and java. */
    public static Optional<Jdk> version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))
                || !Files.isExecutable(home.resolve("bin/javac"))) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String v = p.getProperty("JAVA_VERSION", "").replace("\"", "");
        try {
            String feature = v.startsWith("1.") ? v.substring(2, 3) : v.split("[.+-]")[0];
            return Optional.of(new Jdk(home.toRealPath(), Integer.parseInt(feature)));
        } catch (RuntimeException | IOException e) {
            return Optional.empty();
        }
    }
}
