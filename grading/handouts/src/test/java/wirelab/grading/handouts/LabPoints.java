package wirelab.grading.handouts;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import wirelab.grading.course.Lab;
import wirelab.grading.course.LabBuild;
import wirelab.grading.race.RaceTests;
import wirelab.testkit.GradedTest;

/**
 * What a lab's graded tests are worth, counted the way the grader counts them: the JUnit tests
 * discovered in the compiled public and hidden test classes, each worth its {@code @Points} as
 * {@link GradedTest} reads it (the test runner's plan does the same), and the jcstress tests worth
 * the {@code @Points} on their class ({@link RaceTests}).
 */
final class LabPoints {

    private LabPoints() {
    }

    static Map<PointsTable.Kind, Double> of(Lab lab) {
        LabBuild build = new LabBuild(lab);
        if (!build.isBuilt()) {
            throw new IllegalStateException(lab.name() + " is not built: run ./mvnw verify (or process-test-classes -pl solutions/"
                    + lab.name() + " -am) first");
        }
        List<Path> classpath = new ArrayList<>(List.of(build.testClasses(), build.solutionClasses()));
        classpath.addAll(build.testLibraries());
        Map<PointsTable.Kind, Double> out = new EnumMap<>(PointsTable.Kind.class);
        out.put(PointsTable.Kind.PUBLIC, junitPoints(build.publicTestClasses(), classpath));
        out.put(PointsTable.Kind.HIDDEN, junitPoints(build.hiddenTestClasses(), classpath));
        out.put(PointsTable.Kind.RACE, RaceTests.load(build.raceTestClasses(), classpath).tests().stream()
                .mapToDouble(RaceTests.RaceTest::points).sum());
        return out;
    }

    private static double junitPoints(List<String> classNames, List<Path> classpath) {
        if (classNames.isEmpty()) {
            return 0;
        }
        // parent first: JUnit and the test kit (whose @Points the tests carry) are this JVM's own
        try (URLClassLoader loader = new URLClassLoader(urls(classpath), LabPoints.class.getClassLoader())) {
            List<DiscoverySelector> selectors = new ArrayList<>();
            for (String name : classNames) {
                selectors.add(selectClass(Class.forName(name, false, loader)));
            }
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false").build();
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            // the labs' own builds report their tests' discovery notes; here they are only noise
            Logger notes = Logger.getLogger("org.junit.platform.launcher.core.DiscoveryIssueNotifier");
            Level level = notes.getLevel();
            notes.setLevel(Level.WARNING);
            try {
                TestPlan plan = LauncherFactory.create().discover(request);
                double sum = 0;
                for (TestIdentifier root : plan.getRoots()) {
                    for (TestIdentifier t : plan.getDescendants(root)) {
                        if (t.isTest()) {
                            sum += GradedTest.of(t).map(GradedTest::points).orElse(0.0);
                        }
                    }
                }
                return sum;
            } finally {
                notes.setLevel(level);
                Thread.currentThread().setContextClassLoader(before);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a test class of the lab is not compiled: " + e.getMessage(), e);
        }
    }

    private static URL[] urls(List<Path> classpath) {
        return classpath.stream().map(p -> {
            try {
                return p.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }).toArray(URL[]::new);
    }

    /** "public 55, hidden 30, race 15" */
    static String describe(Map<PointsTable.Kind, Double> points) {
        List<String> parts = new ArrayList<>();
        for (PointsTable.Kind k : PointsTable.Kind.values()) {
            parts.add(k.word + " " + num(points.getOrDefault(k, 0.0)));
        }
        return String.join(", ", parts);
    }

    static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
