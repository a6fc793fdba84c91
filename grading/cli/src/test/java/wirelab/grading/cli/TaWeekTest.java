package wirelab.grading.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.intake.TaFixtures;
import wirelab.grading.result.CsvTable;
import wirelab.grading.result.ResultFiles;
import wirelab.grading.result.SubmissionResult;

/**
 * A TA's week on the rmi lab, with the real commands and the real grader: a GitHub Classroom
 * clone and a Gradescope export in, the roster, an adjustment, one student regraded with
 * --force, the late policy, and Canvas's import file out.
 */
class TaWeekTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("Classroom clone + Gradescope export + roster -> grade, adjust, regrade one, late, export canvas")
    void theWholeWeek() throws Exception {
        // a nested build / a real grading run: always on CI (CI=true), on a laptop with -Dwirelab.slow=true
        Assumptions.assumeTrue(System.getenv("CI") != null || Boolean.getBoolean("wirelab.slow"),
                "slow end-to-end test: runs on CI, or with -Dwirelab.slow=true");
        Course course = Course.locate();
        Lab lab = course.requireLab("rmi");
        Path reference = tmp.resolve("reference");
        Path starter = tmp.resolve("starter");
        TaFixtures.copyTree(lab.mainSources(), reference.resolve("src/main/java"));
        TaFixtures.copyTree(lab.starterDir().resolve("src/main/java"), starter.resolve("src/main/java"));
        Map<String, Path> users = new LinkedHashMap<>();
        users.put("ada-l", reference);
        users.put("mallory-x", starter);
        Path clone = TaFixtures.classroomClone(tmp, "rmi", users,
                Map.of("ada-l", "2026-10-04T21:00:00+02:00", "mallory-x", "2026-10-04T22:00:00+02:00"));
        Map<String, Path> ids = new LinkedHashMap<>();
        ids.put("submission_231007", reference);    // Grace and Alan, a day late
        ids.put("submission_231011", starter);      // Eve, not on the roster
        Path export = TaFixtures.gradescopeZip(tmp.resolve("gradescope-export.zip"), ids);
        Path roster = TaFixtures.resource("roster.csv");
        Path out = tmp.resolve("graded");

        String run = wirelab("grade", clone.toString(), export.toString(), "--lab", "rmi", "--roster", roster.toString(),
                "--out", out.toString());
        assertTrue(run.contains("intake: 4 submission(s): 2 classroom, 2 gradescope; submit times known for 4"), run);
        assertTrue(run.contains("roster: 7 student(s); no submission: dora, carol, bob, frank; not on the roster: "
                + "eve@uni.example, mallory-x"), run);
        assertTrue(run.contains("late: grace (1 day(s))"), run);
        List<CsvTable.Row> book = CsvTable.read(out.resolve("gradebook.csv"), "student", "score");
        assertEquals(List.of("ada", "eve@uni.example", "grace", "mallory-x"), book.stream().map(r -> r.get("student")).toList());
        double max = Double.parseDouble(book.get(0).get("max_score"));
        assertEquals(max, Double.parseDouble(book.get(0).get("score")), "the reference gets full marks");
        assertEquals("20261002", book.get(2).get("sis_id"), "grace by her Gradescope SID");
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("<li data-student=\"frank\">") && report.contains("<li data-student=\"mallory-x\">"), report);

        // a rubric deduction, then ada is graded again on her own, forced: the class and the adjustment stay
        wirelab("adjust", out.toString(), "--student", "ada", "--points", "-2", "--comment", "no README", "--by", "kim");
        String again = wirelab("grade", clone.resolve("rmi-ada-l").toString(), "--lab", "rmi", "--out", out.toString(),
                "--force");
        assertTrue(again.contains("1 submission(s): 1 graded, 0 unchanged and skipped"), again);
        book = CsvTable.read(out.resolve("gradebook.csv"), "student", "score");
        assertEquals(4, book.size(), "the regrade of one keeps the class");
        assertEquals(max - 2, Double.parseDouble(book.get(0).get("score")), "the adjustment survives --force");
        SubmissionResult ada = ResultFiles.read(out.resolve("students/ada"));
        assertEquals(-2, ada.adjustmentTotal());
        assertTrue(Files.readString(out.resolve("students/ada/feedback.txt")).contains("no README (kim)"));
        assertEquals(4, countMatches(Files.readString(out.resolve("report.html")), "\" data-score=\""), "4 students in the report");

        // --only: one student of the whole clone folder
        String only = wirelab("grade", clone.toString(), export.toString(), "--lab", "rmi", "--out", out.toString(),
                "--only", "mallory-x", "--force");
        assertTrue(only.contains("1 submission(s): 1 graded"), only);

        wirelab("late", out.toString(), "--lab", "rmi");
        List<CsvTable.Row> late = CsvTable.read(out.resolve("gradebook-late.csv"), "student", "late_days");
        assertEquals("1", late.stream().filter(r -> r.get("student").equals("grace")).findFirst().orElseThrow().get("late_days"));

        Path canvas = tmp.resolve("canvas.csv");
        wirelab("export", out.toString(), "--format", "canvas", "--roster", roster.toString(), "--out", canvas.toString(),
                "--assignment", "Week 4 (48213)");
        List<String> lines = Files.readAllLines(canvas);
        assertEquals("Student,ID,SIS User ID,SIS Login ID,Section,Week 4 (48213)", lines.get(0));
        assertEquals("Points Possible,,,,," + num(max), lines.get(1));
        assertEquals("\"Lovelace, Ada\",1001,20261001,alovelace,A," + num(max - 2), lines.get(2));
        assertEquals("\"Hopper, Grace\",1002,20261002,ghopper,A," + num(Math.round(max * 0.9 * 100) / 100.0), lines.get(3),
                "a day late: -10 %");
        assertEquals("\"Deleted, Dora\",1004,20261004,ddeleted,B,", lines.get(5), "no submission: left blank");
    }

    private static String wirelab(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc;
        try (PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setOut(p);
            rc = Main.run(args);
        } finally {
            System.setOut(old);
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertEquals(0, rc, "wirelab " + String.join(" ", args) + " failed:\n" + text);
        return text;
    }

    private static int countMatches(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
