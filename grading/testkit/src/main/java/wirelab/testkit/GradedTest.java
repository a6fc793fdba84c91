package wirelab.testkit;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;

/**
 * The grading facts of one test method, read from its annotations: a stable id
 * ({@code class#method}), its points and group. Shared by the points line students see
 * and by the harness, so both count the same way.
 */
public record GradedTest(String id, String className, String methodName, double points, String group) {

    /** The graded test behind a JUnit test, if the test's method (or class) carries {@link Points}. */
    public static Optional<GradedTest> of(TestIdentifier test) {
        return test.getSource().flatMap(GradedTest::of);
    }

    public static Optional<GradedTest> of(TestSource source) {
        if (!(source instanceof MethodSource ms)) {
            return Optional.empty();
        }
        Method method;
        try {
            method = ms.getJavaMethod();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
        Points points = method.getAnnotation(Points.class);
        if (points == null) {
            points = method.getDeclaringClass().getAnnotation(Points.class);
        }
        if (points == null) {
            return Optional.empty();
        }
        String group = points.group().isEmpty() ? ms.getJavaClass().getSimpleName() : points.group();
        return Optional.of(new GradedTest(ms.getClassName() + "#" + ms.getMethodName(),
                ms.getClassName(), ms.getMethodName(), points.value(), group));
    }
}
