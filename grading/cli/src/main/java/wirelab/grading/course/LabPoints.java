package wirelab.grading.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a lab is worth, read from its test sources ({@code @Points}) and its rule in
 * {@code lab.properties}: the public, hidden and race points, and the maximum every channel
 * states — the handout's table, the student's summary and Classroom (the public points), and
 * {@code grade}, Gradescope and {@code late} (the counted total).
 */
public record LabPoints(String lab, List<Graded> publicTests, List<Graded> hiddenTests, List<Graded> raceTests,
        boolean raceCounted) {

    /** One graded test method (or, for jcstress, a whole test class: method null). */
    public record Graded(String className, String method, String displayName, double points) {
    }

    // white space and comments between annotations ("@Timeout(45)   // why")
    private static final String GAP = "(?:\\s|//[^\\n]*|/\\*(?:[^*]|\\*(?!/))*\\*/)*";
    // an annotation with its arguments (strings may hold parentheses)
    private static final String ANNOTATION = "@\\w+(?:\\((?:[^()\"]|\"(?:[^\"\\\\]|\\\\.)*\")*\\))?";
    // @Points(3) or @Points(value = 2, group = "x"), then annotations, then the method
    private static final Pattern METHOD = Pattern.compile(
            "@Points\\(\\s*(?:value\\s*=\\s*)?([0-9.]+)[^)]*\\)((?:" + GAP + ANNOTATION + ")*)"
                    + GAP + "(?:public\\s+|protected\\s+)?void\\s+(\\w+)\\s*\\(");
    // a jcstress test: @Points on the class
    private static final Pattern CLASS = Pattern.compile(
            "@Points\\(\\s*(?:value\\s*=\\s*)?([0-9.]+)[^)]*\\)(?:" + GAP + ANNOTATION + ")*"
                    + GAP + "(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");
    private static final Pattern DISPLAY = Pattern.compile("@DisplayName\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");

    public static LabPoints of(Lab lab) {
        return new LabPoints(lab.name(), methods(lab.publicTests()), methods(lab.hiddenTests()),
                classes(lab.raceTests()), lab.raceTestsGraded());
    }

    public double publicPoints() {
        return sum(publicTests);
    }

    public double hiddenPoints() {
        return sum(hiddenTests);
    }

    /** The jcstress tests' points, counted or not. */
    public double racePoints() {
        return sum(raceTests);
    }

    /** The lab's maximum in every grading channel: public and hidden tests, and the race tests where they count. */
    public double total() {
        return publicPoints() + hiddenPoints() + (raceCounted ? racePoints() : 0);
    }

    /** "85 points (public 55 + hidden 30; the 15 points of jcstress tests are practice and do not count)" */
    public String describe() {
        String race = raceTests.isEmpty() ? ""
                : raceCounted ? " + race " + num(racePoints())
                : "; the jcstress tests' " + num(racePoints()) + " point(s) are practice and do not count";
        return num(total()) + " points (public " + num(publicPoints()) + " + hidden " + num(hiddenPoints()) + race + ")";
    }

    /** The graded test methods under a test source root, in file and source order. */
    public static List<Graded> methods(Path root) {
        List<Graded> out = new ArrayList<>();
        for (Source s : sources(root)) {
            Matcher m = METHOD.matcher(s.text());
            while (m.find()) {
                Matcher d = DISPLAY.matcher(m.group(2));
                String name = d.find() ? d.group(1).replace("\\\"", "\"") : m.group(3);
                out.add(new Graded(s.className(), m.group(3), name, Double.parseDouble(m.group(1))));
            }
        }
        return out;
    }

    /** The graded test classes (jcstress: {@code @Points} on the class) under a source root. */
    static List<Graded> classes(Path root) {
        List<Graded> out = new ArrayList<>();
        for (Source s : sources(root)) {
            Matcher m = CLASS.matcher(s.text());
            if (m.find()) {
                out.add(new Graded(s.className(), null, m.group(2), Double.parseDouble(m.group(1))));
            }
        }
        return out;
    }

    private record Source(String className, String text) {
    }

    private static List<Source> sources(Path root) {
        List<Source> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                out.add(new Source(rel.substring(0, rel.length() - ".java".length()).replace('/', '.'), Files.readString(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static double sum(List<Graded> tests) {
        return tests.stream().mapToDouble(Graded::points).sum();
    }

    public static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(java.util.Locale.ROOT, "%.2f", d);
    }
}
