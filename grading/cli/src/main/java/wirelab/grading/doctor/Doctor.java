package wirelab.grading.doctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.similarity.Jdks;
import wirelab.testkit.Peers;
import wirelab.testkit.Tools;

/**
 * What this machine can do for the course: the JDKs found and which one runs what, the isolation
 * grading will use, and each peer program the tests drive (or the tool needs) with its version,
 * or what to install and which labs, tests and points wait for it. Reads the tests' {@code @Needs}
 * from their sources, so it works on a fresh clone before anything is built.
 */
public final class Doctor {

    /** A peer program: where it is (or empty), its version line, and who needs it. */
    public record Program(String name, Optional<Path> path, String version, List<Dependent> dependents, String usedFor) {
        public boolean present() {
            return path.isPresent();
        }

        public double points() {
            return dependents.stream().mapToDouble(Dependent::points).sum();
        }
    }

    /** A graded test (or a tool) that needs a program. */
    public record Dependent(String lab, String test, double points) {
    }

    /** Programs the tool itself uses, beside the tests' {@code @Needs}. */
    private static final Map<String, String> TOOL_PROGRAMS = Map.of(
            "bwrap", "grading isolation (files and network confined per test JVM)",
            "wrk", "grading/bench/dispatcher/run.sh (the dispatcher's load benchmark, not graded)");

    private final Course course;

    public Doctor(Course course) {
        this.course = course;
    }

    /** Every program any lab's tests declare with @Needs, plus the tool's own, sorted by name. */
    public List<Program> programs() {
        Map<String, List<Dependent>> needs = new TreeMap<>();
        for (Lab lab : course.labList()) {
            for (Path root : List.of(lab.publicTests(), lab.hiddenTests())) {
                for (Map.Entry<String, List<Dependent>> e : needsIn(lab, root).entrySet()) {
                    needs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
                }
            }
        }
        TOOL_PROGRAMS.keySet().forEach(p -> needs.computeIfAbsent(p, k -> new ArrayList<>()));
        List<Program> out = new ArrayList<>();
        needs.forEach((name, deps) -> {
            Optional<Path> path = Tools.find(name);
            out.add(new Program(name, path, path.map(p -> version(name, p)).orElse(""), deps,
                    TOOL_PROGRAMS.getOrDefault(name, "")));
        });
        return out;
    }

    private static final Pattern METHOD = Pattern.compile(
            // annotations (their arguments may hold strings with parentheses, or one level of parentheses), then the method
            "((?:@\\w+(?:\\s*\\((?:\"(?:[^\"\\\\]|\\\\.)*\"|[^()\"]|\\([^()]*\\))*\\))?\\s*)+)"
                    + "(?:[\\w<>\\[\\],.? ]+\\s+)?void\\s+(\\w+)\\s*\\(");
    private static final Pattern NEEDS = Pattern.compile("@Needs\\s*\\(\\s*(?:value\\s*=\\s*)?\\{?([^)}]*)\\}?\\s*\\)");
    private static final Pattern POINTS = Pattern.compile("@Points\\s*\\(\\s*(?:value\\s*=\\s*)?([0-9.]+)");
    private static final Pattern NAME = Pattern.compile("\"([^\"]+)\"");

    /** program → the graded tests of one source root that declare it (method-level {@code @Needs}). */
    static Map<String, List<Dependent>> needsIn(Lab lab, Path root) {
        Map<String, List<Dependent>> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String src = Files.readString(f, StandardCharsets.UTF_8);
                if (!src.contains("@Needs")) {
                    continue;
                }
                String cls = f.getFileName().toString().replace(".java", "");
                Matcher m = METHOD.matcher(src);
                while (m.find()) {
                    Matcher needs = NEEDS.matcher(m.group(1));
                    if (!needs.find()) {
                        continue;
                    }
                    Matcher points = POINTS.matcher(m.group(1));
                    double pts = points.find() ? Double.parseDouble(points.group(1)) : 0;
                    Matcher names = NAME.matcher(needs.group(1));
                    while (names.find()) {
                        out.computeIfAbsent(names.group(1), k -> new ArrayList<>())
                                .add(new Dependent(lab.name(), cls + "#" + m.group(2), pts));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The program's version line ("curl 7.88.1 …"); nc (OpenBSD) has no --version and names itself in -h. */
    static String version(String name, Path path) {
        List<String> flags = name.equals("nc") || name.equals("netcat") ? List.of("-h") : List.of("--version");
        try {
            List<String> command = new ArrayList<>(List.of(path.toString()));
            command.addAll(flags);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            p.getOutputStream().close();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "(no answer to " + String.join(" ", flags) + ")";
            }
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // the first line with a version number, not a wrapper script's complaint ("/usr/bin/chromium: 9: [: …")
            List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            String first = lines.stream().filter(l -> !l.startsWith(path.toString() + ":") && l.matches(".*\\d+\\.\\d+.*"))
                    .findFirst().orElse(lines.isEmpty() ? "" : lines.get(0));
            return first.length() <= 60 ? first : first.substring(0, 59) + "…";
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The JDKs found: the running one, $JAVA_HOME and /usr/lib/jvm/*, by their real path, with feature versions. */
    public static Map<Path, Integer> jdks() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        String env = System.getenv("JAVA_HOME");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        Path jvm = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvm)) {
            try (Stream<Path> s = Files.list(jvm)) {
                s.sorted().forEach(candidates::add);
            } catch (IOException ignored) {
                // nothing listed: only the running JDK
            }
        }
        Map<Path, Integer> out = new LinkedHashMap<>();
        for (Path c : candidates) {
            Jdks.version(c).ifPresent(j -> out.putIfAbsent(j.home(), j.feature()));
        }
        return out;
    }

    /** Short ids of programs that are missing. */
    public static List<String> missing(List<Program> programs) {
        return programs.stream().filter(p -> !p.present()).map(Program::name).toList();
    }

    /** The labs that have tests needing one of these programs. */
    public static TreeSet<String> labsOf(List<Program> programs) {
        TreeSet<String> labs = new TreeSet<>();
        programs.forEach(p -> p.dependents().forEach(d -> labs.add(d.lab())));
        return labs;
    }
}
