package wirelab.grading.race;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import wirelab.grading.run.TestResult;

/**
 * A lab's jcstress test classes with their grading facts ({@code @Points} on the class, the
 * jcstress {@code @Description} as the name), and the mapping from jcstress verdicts to test
 * results that score like any other test.
 */
public final class RaceTests {

    /** One race test class: id (class name), readable name, points (0 = a demo, ungraded). */
    public record RaceTest(String className, String name, double points) {
    }

    private final List<RaceTest> tests;

    public RaceTests(List<RaceTest> tests) {
        this.tests = List.copyOf(tests);
    }

    public List<RaceTest> tests() {
        return tests;
    }

    /** Reads the annotations of the given classes, loaded from {@code classpath} in isolation. */
    public static RaceTests load(List<String> classNames, List<Path> classpath) {
        List<RaceTest> out = new ArrayList<>();
        URL[] urls = classpath.stream().map(RaceTests::url).toArray(URL[]::new);
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            for (String name : classNames) {
                Class<?> cls;
                try {
                    cls = Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                if (annotation(cls, "org.openjdk.jcstress.annotations.JCStressTest") == null) {
                    continue;
                }
                Annotation description = annotation(cls, "org.openjdk.jcstress.annotations.Description");
                Annotation points = annotation(cls, "wirelab.testkit.Points");
                String readable = description != null ? (String) value(description) : cls.getSimpleName();
                out.add(new RaceTest(name, readable, points != null ? ((Number) value(points)).doubleValue() : 0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RaceTests(out);
    }

    /** Results in the same shape as JUnit's, for scoring and reports. */
    public List<TestResult> results(JcstressRun.Report report) {
        List<TestResult> out = new ArrayList<>();
        for (RaceTest t : tests) {
            RaceVerdict v = report.verdicts().get(t.className());
            String status;
            String message;
            if (v == null) {
                status = report.problem() != null && report.problem().contains("did not finish") ? "timeout" : "crashed";
                message = report.problem() != null ? report.problem() : "jcstress printed no verdict for this test";
            } else {
                status = v.passed() ? "passed" : "failed";
                message = v.feedback();
            }
            out.add(new TestResult(t.className(), t.name(), t.points(), t.points() > 0, status, message,
                    null, null, null, v == null ? report.outputTail() : null, null, 0));
        }
        return out;
    }

    private static Annotation annotation(Class<?> cls, String type) {
        for (Annotation a : cls.getAnnotations()) {
            if (a.annotationType().getName().equals(type)) {
                return a;
            }
        }
        return null;
    }

    private static Object value(Annotation a) {
        try {
            return a.annotationType().getMethod("value").invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
