package wirelab.grading.report;

import java.util.Locale;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;

/** The classic JUnit XML report (one testsuite per submission), for CI dashboards and LMS plugins. */
public final class JUnitXml {

    private JUnitXml() {
    }

    public static String of(SubmissionResult r) {
        long failures = r.tests().stream().filter(t -> t.status().equals("failed")).count();
        long errors = r.tests().stream().filter(t -> !t.passed() && !t.notGraded() && !t.status().equals("failed")).count();
        long skipped = r.tests().stream().filter(TestVerdict::notGraded).count();
        double time = r.tests().stream().mapToDouble(TestVerdict::seconds).sum();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT, "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\" time=\"%.3f\">%n",
                esc(r.lab() + "." + r.student()), r.tests().size(), failures, errors, skipped, time));
        sb.append("  <properties>\n");
        sb.append("    <property name=\"score\" value=\"").append(r.score()).append("\"/>\n");
        sb.append("    <property name=\"max\" value=\"").append(r.max()).append("\"/>\n");
        sb.append("    <property name=\"isolation\" value=\"").append(esc(r.isolation())).append("\"/>\n");
        sb.append("  </properties>\n");
        for (TestVerdict t : r.tests()) {
            int hash = t.id().indexOf('#');
            String cls = hash < 0 ? t.id() : t.id().substring(0, hash);
            String name = hash < 0 ? t.name() : t.id().substring(hash + 1);
            sb.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
                    esc(cls), esc(name), t.seconds()));
            if (t.passed()) {
                sb.append("/>\n");
                continue;
            }
            if (t.notGraded()) {
                sb.append(">\n    <skipped message=\"").append(esc(first(t.message()))).append("\"/>\n  </testcase>\n");
                continue;
            }
            String tag = t.status().equals("failed") ? "failure" : "error";
            sb.append(">\n    <").append(tag).append(" type=\"").append(esc(t.status())).append("\" message=\"")
                    .append(esc(first(t.message()))).append("\">").append(esc(Feedback.testText(t)))
                    .append("</").append(tag).append(">\n  </testcase>\n");
        }
        sb.append("</testsuite>\n");
        return sb.toString();
    }

    private static String first(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** XML-escapes text and drops the characters XML 1.0 cannot hold at all (a student may print them). */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000 && c <= 0x10FFFF) {
                        sb.appendCodePoint(c);
                    } else {
                        sb.append('\uFFFD');
                    }
                }
            }
        });
        return sb.toString();
    }
}
