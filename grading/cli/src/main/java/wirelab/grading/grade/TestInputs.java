package wirelab.grading.grade;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * What the tests of one test class can run of a submission: the submission's classes the test
 * class reaches through class references (directly, through the course's test helpers, and
 * through the submission's own classes, as the JDK's {@code jdeps} reads them from the bytecode),
 * every nested class of those, and every file of the submission that is not a class. Its
 * fingerprint adds the lab's bundle (tests and libraries) and the grading's settings, so two
 * gradings with the same fingerprint for a test class run the same bytes in its tests.
 */
final class TestInputs {

    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s.*$");

    /** The lab's package with a trailing dot: a reference into it that no test class answers is the submission's. */
    private final String labPackage;
    /** Each class of the course's tests → the classes it names. */
    private final Map<String, Set<String>> testSide;
    /** The bundle, the settings, the JDK: the same for every test class of every submission. */
    private final String fixed;

    private TestInputs(String labPackage, Map<String, Set<String>> testSide, String fixed) {
        this.labPackage = labPackage;
        this.testSide = testSide;
        this.fixed = fixed;
    }

    /** Empty when the JDK has no jdeps: then nothing is ever reused. */
    static Optional<TestInputs> of(String labName, Path testClasses, String fixed) {
        Optional<Map<String, Set<String>>> graph = references(testClasses);
        return graph.map(g -> new TestInputs("wirelab." + labName + ".", g, fixed));
    }

    /**
     * Each test class's fingerprint against the compiled submission in {@code classes}; empty when
     * the submission's classes could not be read (nothing is reused then).
     */
    Map<String, String> fingerprints(Path classes, Collection<String> testClasses) {
        Optional<Map<String, Set<String>>> own = references(classes);
        if (own.isEmpty()) {
            return Map.of();
        }
        Map<String, byte[]> bytes = classBytes(classes);
        String others = otherFiles(classes);
        Map<String, String> out = new LinkedHashMap<>();
        for (String test : testClasses) {
            StringBuilder in = new StringBuilder(fixed).append('|').append(test).append('|').append(others);
            for (String c : reached(test, own.get(), bytes.keySet())) {
                byte[] b = bytes.get(c);
                in.append('|').append(c).append('=').append(b == null ? "absent" : sha(b));
            }
            out.put(test, sha(in.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** The submission's classes (present or missing) a test class reaches, nested classes included, sorted. */
    Set<String> reached(String test, Map<String, Set<String>> own, Set<String> present) {
        Set<String> seen = new HashSet<>(List.of(test));
        Set<String> submission = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(test));
        while (!todo.isEmpty()) {
            String c = todo.pop();
            Set<String> next = new HashSet<>(testSide.getOrDefault(c, Set.of()));
            next.addAll(own.getOrDefault(c, Set.of()));
            if (isSubmissions(c, present)) {
                // a class's nested classes are separate files that run with it
                String top = c.contains("$") ? c.substring(0, c.indexOf('$')) : c;
                present.stream().filter(p -> p.equals(top) || p.startsWith(top + "$")).forEach(next::add);
            }
            for (String n : next) {
                if (seen.add(n)) {
                    todo.push(n);
                }
            }
        }
        seen.stream().filter(c -> isSubmissions(c, present)).forEach(submission::add);
        return submission;
    }

    /** A class of the submission, or one in the lab's package that no course test provides (a missing one). */
    private boolean isSubmissions(String c, Set<String> present) {
        return present.contains(c) || (c.startsWith(labPackage) && !testSide.containsKey(c));
    }

    /** Class → the classes it references, from jdeps; empty when jdeps is missing or fails. */
    static Optional<Map<String, Set<String>>> references(Path classes) {
        Map<String, Set<String>> graph = new HashMap<>();
        if (!hasClasses(classes)) {
            return Optional.of(graph);
        }
        Optional<ToolProvider> jdeps = ToolProvider.findFirst("jdeps");
        if (jdeps.isEmpty()) {
            return Optional.empty();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc;
        synchronized (TestInputs.class) {
            rc = jdeps.get().run(new PrintWriter(out), new PrintWriter(err), "-verbose:class", "-filter:none",
                    classes.toString());
        }
        if (rc != 0) {
            return Optional.empty();
        }
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.matches()) {
                graph.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(m.group(2));
            }
        }
        return Optional.of(graph);
    }

    private static boolean hasClasses(Path classes) {
        if (!Files.isDirectory(classes)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(classes)) {
            return walk.anyMatch(f -> f.toString().endsWith(".class"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classes, e);
        }
    }

    /** Binary class name → bytes, for every class file under {@code classes}. */
    private static Map<String, byte[]> classBytes(Path classes) {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.isDirectory(classes)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".class")).toList()) {
                String rel = classes.relativize(p).toString();
                out.put(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classes, e);
        }
        return out;
    }

    /** Every file of the compiled submission that is not a class, with its bytes: a test may read any of them. */
    private static String otherFiles(Path classes) {
        if (!Files.isDirectory(classes)) {
            return "";
        }
        StringBuilder in = new StringBuilder();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".class")).sorted().toList()) {
                in.append(classes.relativize(p)).append('=').append(sha(Files.readAllBytes(p))).append(';');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classes, e);
        }
        return in.toString();
    }

    static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
