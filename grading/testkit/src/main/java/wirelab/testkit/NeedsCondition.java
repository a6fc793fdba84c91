package wirelab.testkit;

import java.lang.reflect.AnnotatedElement;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Skips a {@link Needs} test whose programs are not on PATH, saying how to install them. On CI
 * ({@code CI=true} or {@code WIRELAB_REQUIRE_TOOLS=1}) it never skips: the test runs and
 * {@link Tools#require} fails it, so a green CI means every peer really ran.
 */
public final class NeedsCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        AnnotatedElement element = context.getElement().orElse(null);
        Needs needs = element == null ? null : AnnotationSupport.findAnnotation(element, Needs.class).orElse(null);
        if (needs == null) {
            return ConditionEvaluationResult.enabled("needs no peer program");
        }
        List<String> missing = Peers.missing(List.of(needs.value()));
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("has " + String.join(", ", needs.value()));
        }
        if (Tools.mustHaveTools()) {
            return ConditionEvaluationResult.enabled("missing " + missing + ", but CI=true: the test runs and fails");
        }
        return ConditionEvaluationResult.disabled(Peers.describeMissing(missing) + ": test skipped");
    }
}
