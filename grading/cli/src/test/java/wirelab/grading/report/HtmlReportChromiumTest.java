package wirelab.grading.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.result.TestVerdict;
import wirelab.testkit.Tools;

/**
 * report.html opened in headless Chromium (Debian's chromium package): it renders without
 * console errors, the numbers in the page are the right ones, and nothing is fetched from the
 * network. A screenshot is left in target/ for a human to look at.
 */
class HtmlReportChromiumTest {

    @TempDir
    Path tmp;

    static List<SubmissionResult> classOfFour() {
        List<SubmissionResult> out = new ArrayList<>();
        double[] scores = {10, 10, 4, 0};
        String[] names = {"alice", "bob <script>alert(1)</script>", "carol", "dave"};
        for (int i = 0; i < 4; i++) {
            double s = scores[i];
            List<TestVerdict> tests = List.of(
                    new TestVerdict("x.T#test01", "first test", "T", "junit", s >= 4 ? 4 : 0, 4, s >= 4 ? "passed" : "failed",
                            s >= 4 ? null : "expected 4 but was 3", null, null, 0.2 + i),
                    new TestVerdict("x.T#test02", "second test", "T", "junit", s == 10 ? 6 : 0, 6,
                            s == 10 ? "passed" : i == 3 ? "crashed" : "timeout", s == 10 ? null : "stopped", null, null, 1.5 * i));
            out.add(new SubmissionResult(SubmissionResult.SCHEMA, names[i], "threads", "graded", null, s, 10, tests,
                    List.of(), List.of(), List.of(), List.of(), "test", "h", 1, 2));
        }
        return out;
    }

    @Test
    void rendersInChromiumWithTheRightNumbers() throws Exception {
        Path chromium = Tools.require("chromium", "apt-get install chromium");
        Path html = tmp.resolve("report.html");
        HtmlReport.write("threads", classOfFour(), "bubblewrap (test)", html);
        String source = Files.readString(html);
        assertFalse(source.contains("http://") || source.contains("https://"), "self-contained: no external URL");
        assertFalse(source.contains("<script>alert"), "student names are escaped");

        String dom = run(chromium, "--dump-dom", html.toUri().toString());
        assertEquals("4", byId(dom, "students"));
        assertEquals("60.0%", byId(dom, "mean"));       // (100 + 100 + 40 + 0) / 4
        assertEquals("70.0%", byId(dom, "median"));     // (40 + 100) / 2
        assertEquals("2", byId(dom, "full-marks"));
        assertTrue(dom.contains("data-test=\"x.T#test01\"") && dom.contains(">3/4<"), "test01 passed by 3 of 4");
        assertTrue(dom.contains(">2/4<"), "test02 passed by 2 of 4");
        Path shot = Path.of("target/report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        run(chromium, "--screenshot=" + shot, "--window-size=1200,1600", html.toUri().toString());
        assertTrue(Files.size(shot) > 10_000, "a screenshot with something on it");
    }

    private String run(Path chromium, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + tmp.resolve("profile"), "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(args));
        Path err = tmp.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium finished");
        String log = Files.readString(err);
        assertFalse(log.contains("Uncaught") || log.contains("CONSOLE(") && log.contains("Error"),
                "no console errors, but:\n" + log);
        return out;
    }

    private static String byId(String dom, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\">([^<]*)<").matcher(dom);
        assertTrue(m.find(), "the page has #" + id);
        return m.group(1);
    }
}
