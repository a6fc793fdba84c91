package wirelab.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The peer programs a test drives (looked up on PATH, as {@link Tools#find} does), declared next
 * to {@link Points} so that the grader reads them before running anything:
 *
 * <pre>{@code
 * @Test
 * @Points(4)
 * @Needs("chromium")
 * void test01_browserLoadsThePage() { Path chromium = Tools.require("chromium", Peers.installHint("chromium")); ... }
 * }</pre>
 *
 * On a laptop without one of them the test is skipped with the install command
 * ({@link NeedsCondition}); on CI ({@code CI=true}) it runs, so {@link Tools#require} fails it.
 * The grader leaves such a test out of the maximum for every submission of the batch.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@ExtendWith(NeedsCondition.class)
public @interface Needs {

    /** Program names, e.g. "chromium", "nc", "python3"; {@link Peers#installHint} says how to install each. */
    String[] value();
}
