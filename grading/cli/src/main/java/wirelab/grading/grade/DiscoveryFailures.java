package wirelab.grading.grade;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import wirelab.grading.run.RunOutcome;
import wirelab.grading.run.TestResult;

/**
 * Reads JUnit's "critical discovery issue" failures: when one selected test class cannot be
 * loaded (it mentions a type the submission lacks), JUnit fails the whole engine, and every test
 * reports it. This finds the classes to blame and why, so they can be set aside.
 */
final class DiscoveryFailures {

    private static final Pattern SELECTOR = Pattern.compile(
            "(?:Class|Method)Selector \\[className = '([^']+)'[^\\n]*\\] resolution failed(?:[\\s\\S]*?Cause: ([^\\n]+))?");

    private DiscoveryFailures() {
    }

    /** Class name → the reason it could not be loaded ("java.lang.NoClassDefFoundError: x/Y"). */
    static Map<String, String> unloadableClasses(RunOutcome run) {
        Map<String, String> out = new LinkedHashMap<>();
        for (TestResult r : run.results()) {
            in(r.message(), out);
            in(r.trace(), out);
        }
        return out;
    }

    /** Adds the classes {@code text} (a JUnit failure) blames to {@code out}. */
    static void in(String text, Map<String, String> out) {
        if (text == null || !text.contains("resolution failed")) {
            return;
        }
        Matcher m = SELECTOR.matcher(text);
        while (m.find()) {
            out.putIfAbsent(m.group(1), m.group(2) == null ? "it could not be loaded" : m.group(2).strip());
        }
    }
}
