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
            out.add(SubmissionResult.graded(names[i], "threads").score(s, 10).tests(tests).isolation("test").inputHash("h")
                    .jvms(1).seconds(2).build());
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

    /** Five students, three tests: test03 fails most (4 of 5, three with one message up to its numbers), test01 least. */
    static List<SubmissionResult> classOfFive() {
        List<SubmissionResult> out = new ArrayList<>();
        String[] names = {"ada", "alan", "grace", "mallory-x", "zoe"};
        String[] t3 = {null, "expected 200 entries but found 187", "expected 200 entries but found 193",
            "expected 200 entries but found 150", "the registry was not exported\nat line 2"};
        for (int i = 0; i < 5; i++) {
            boolean p1 = i != 4;
            boolean p2 = i < 3;
            boolean p3 = t3[i] == null;
            List<TestVerdict> tests = List.of(
                    new TestVerdict("x.StoreTest#test01_put", "stores a value", "StoreTest", "junit", p1 ? 2 : 0, 2,
                            p1 ? "passed" : "failed", p1 ? null : "no value stored", null, null, 0.1),
                    new TestVerdict("x.StoreTest#test02_list", "lists the values", "StoreTest", "junit", p2 ? 3 : 0, 3,
                            p2 ? "passed" : "timeout", p2 ? null : "timed out after 10 s", null, null, 0.2),
                    new TestVerdict("x.StoreTest#test03_concurrent", "keeps concurrent puts", "StoreTest", "junit",
                            p3 ? 5 : 0, 5, p3 ? "passed" : "failed", t3[i], null, null, 0.3));
            double score = tests.stream().mapToDouble(TestVerdict::score).sum();
            SubmissionResult r = SubmissionResult.graded(names[i], "rmi").score(score, 10).tests(tests).isolation("test").inputHash("h")
                    .jvms(1).seconds(2).build();
            if (i == 1) {
                r = r.withAdjustments(List.of(new wirelab.grading.result.Adjustment("", "", 2, 2, "regrade granted", "kim")));
            }
            out.add(r);
        }
        return out;
    }

    @Test
    void classViewInChromium() throws Exception {
        Path chromium = Tools.require("chromium", "apt-get install chromium");
        ClassView view = new ClassView(5, List.of(new ClassView.Person("dora", "Deleted, Dora, section B")),
                List.of(new ClassView.Late("grace", "2026-10-05T21:03:57Z", 1, "late by 23h 4min: 1 day(s) x 10% = -10%")),
                List.of(new ClassView.Person("mallory-x", "classroom rmi-mallory-x: GitHub @mallory-x")),
                List.of("adjustments.csv:7: no test 'StoreTest.test09' in lab rmi; row ignored"), "2026-10-04T23:59+02:00");
        Path html = tmp.resolve("class.html");
        HtmlReport.write("rmi", classOfFive(), "bubblewrap (test)", view, html);
        String source = Files.readString(html);
        assertFalse(source.contains("http://") || source.contains("https://") || source.contains("<script"),
                "self-contained: no external URL, no script");
        String dom = run(chromium, "--dump-dom", html.toUri().toString());

        // tests by failure rate: test03 (4 of 5), test02 (2 of 5), test01 (1 of 5)
        Matcher rows = Pattern.compile("<tr data-test=\"([^\"]+)\" data-failed=\"(\\d+)\"").matcher(dom);
        List<String> order = new ArrayList<>();
        while (rows.find()) {
            order.add(rows.group(1) + "=" + rows.group(2));
        }
        assertEquals(List.of("x.StoreTest#test03_concurrent=4", "x.StoreTest#test02_list=2", "x.StoreTest#test01_put=1"), order);
        assertTrue(dom.contains("<code class=\"first-line\">expected 200 entries but found 187</code> <small>(3 of 4)</small>"),
                "the most common first failure line, numbers aside");
        // histogram of 100 %, 70 % (5 graded + 2 adjusted), 50 %, 20 %, 0 %
        Matcher bins = Pattern.compile("class=\"bin\" data-count=\"(\\d+)\"").matcher(dom);
        List<String> counts = new ArrayList<>();
        while (bins.find()) {
            counts.add(bins.group(1));
        }
        assertEquals(List.of("1", "0", "1", "0", "0", "1", "0", "1", "0", "1"), counts);
        assertEquals("1", byId(dom, "missing"));
        assertEquals("1", byId(dom, "late"));
        assertEquals("1", byId(dom, "unmatched"));
        assertTrue(dom.contains("<li data-student=\"dora\"><b>dora</b>"), "missing dora listed");
        assertTrue(dom.contains("id=\"late-list\"") && dom.contains("<tr data-student=\"grace\"><td>grace</td>"), "late grace listed");
        assertTrue(dom.contains("<li data-student=\"mallory-x\"><b>mallory-x</b>"), "unmatched mallory listed");
        assertTrue(dom.contains("id=\"adjustment-problems\"") && dom.contains("StoreTest.test09"), "a row not applied is shown");
        assertTrue(dom.contains("+2 adjusted") && dom.contains("regrade granted (kim)"), "alan's adjustment is shown");
        Path shot = Path.of("target/report-class-view.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        run(chromium, "--screenshot=" + shot, "--window-size=1200,2000", html.toUri().toString());
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
