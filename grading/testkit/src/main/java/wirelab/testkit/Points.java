package wirelab.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The points a graded test is worth. A test without it is ungraded (it still runs).
 *
 * <pre>{@code
 * @Test
 * @Points(2)
 * @DisplayName("two threads, 100 000 increments each, end at 200 000")
 * void test01_noLostUpdates() { ... }
 * }</pre>
 *
 * A parameterized or repeated test earns its points only when every invocation passes.
 * {@link #group()} gathers tests under one heading in reports (e.g. "counters").
 * Every graded test runs with {@link Leftovers}: what an earlier test left behind is cleaned up,
 * or named in this test's failure.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@ExtendWith(Leftovers.class)
public @interface Points {

    /** Points for passing the test. */
    double value();

    /** Optional heading in feedback and reports; empty means "the test's class". */
    String group() default "";
}
