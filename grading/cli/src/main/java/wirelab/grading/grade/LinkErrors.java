package wirelab.grading.grade;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import wirelab.grading.run.TestResult;

/**
 * Reads a test failure for a link error: the tests were compiled against the reference, so a
 * method, field or class the submission lacks shows up as NoSuchMethodError and friends in
 * exactly the tests that need it.
 */
final class LinkErrors {

    private static final Pattern LINK = Pattern.compile(
            "java\\.lang\\.(NoSuchMethodError|NoSuchFieldError|NoClassDefFoundError|AbstractMethodError"
                    + "|IncompatibleClassChangeError|ClassNotFoundException|UnsatisfiedLinkError)(?::\\s*([^\\n]+))?");

    private LinkErrors() {
    }

    /** What is missing ("method 'void x.Y.z()'", "class x/Y"), or null when the failure is not a link error. */
    static String missing(TestResult r) {
        for (String text : new String[] {r.message(), r.trace()}) {
            if (text == null) {
                continue;
            }
            Matcher m = LINK.matcher(text);
            if (m.find()) {
                String what = m.group(2) == null ? "" : m.group(2).strip();
                if (what.startsWith("Could not initialize class")) {
                    return null;   // the class is there, its static initialiser failed: an ordinary failure
                }
                return switch (m.group(1)) {
                    case "NoSuchMethodError" -> "the method " + what;
                    case "NoSuchFieldError" -> "the field " + what;
                    case "NoClassDefFoundError", "ClassNotFoundException" -> "the class " + what.replace('/', '.');
                    case "AbstractMethodError" -> "an implementation of " + what;
                    default -> what.isEmpty() ? "code in a shape the tests expect (" + m.group(1) + ")" : what;
                };
            }
        }
        return null;
    }
}
