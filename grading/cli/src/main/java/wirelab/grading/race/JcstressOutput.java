package wirelab.grading.race;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code RUN RESULTS} section that {@code jcstress -v} prints:
 * <pre>
 * ...... [FAILED] demo.Racy
 *   RESULT    SAMPLES     FREQ      EXPECT  DESCRIPTION
 *        1    100,818    3.25%   Forbidden  One update was lost.
 * </pre>
 * Result ids may contain spaces ("1, 0"), so rows are read from the right.
 */
public final class JcstressOutput {

    private static final Pattern VERDICT = Pattern.compile("^\\.*\\s*\\[([A-Z_]+)\\]\\s+(\\S+)\\s*$");
    private static final Pattern ROW = Pattern.compile(
            "^\\s+(.+?)\\s+([\\d,]+)\\s+([\\d.,]+%)\\s+(Acceptable|Forbidden|Interesting|Unknown)\\s+(.*)$");

    private JcstressOutput() {
    }

    /** Test class name → verdict, in the order jcstress printed them. */
    public static Map<String, RaceVerdict> parse(String output) {
        Map<String, RaceVerdict> verdicts = new LinkedHashMap<>();
        int start = output.indexOf("RUN RESULTS:");
        if (start < 0) {
            return verdicts;
        }
        String test = null;
        String status = null;
        List<Outcome> rows = new ArrayList<>();
        for (String line : output.substring(start).split("\n")) {
            Matcher v = VERDICT.matcher(line);
            if (v.matches()) {
                if (test != null) {
                    verdicts.put(test, new RaceVerdict(test, status, List.copyOf(rows)));
                }
                status = v.group(1);
                test = v.group(2);
                rows.clear();
                continue;
            }
            Matcher r = ROW.matcher(line);
            if (test != null && r.matches()) {
                rows.add(new Outcome(r.group(1).strip(), Long.parseLong(r.group(2).replace(",", "")),
                        r.group(4), r.group(5).strip()));
            }
        }
        if (test != null) {
            verdicts.put(test, new RaceVerdict(test, status, List.copyOf(rows)));
        }
        return verdicts;
    }
}
