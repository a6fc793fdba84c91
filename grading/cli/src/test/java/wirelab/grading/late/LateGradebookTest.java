package wirelab.grading.late;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.course.LatePolicy;

class LateGradebookTest {

    @TempDir
    Path tmp;

    @Test
    void gradebookShowsRawAndAdjustedScores() throws Exception {
        Path gradebook = Files.writeString(tmp.resolve("gradebook.csv"),
                "student,score,max_score,percent,status,tests_passed,tests_total,comment\r\n"
                        + "ada,80,100,80.0,graded,8,10,\r\n"
                        + "bob,90,100,90.0,graded,9,10,\"late, sorry\"\r\n"
                        + "\r\n"
                        + "cy,61,122,50.0,graded,5,10,\r\n");
        Path times = Files.writeString(tmp.resolve("times.csv"), """
                student,submitted_at
                ada,2026-09-13T22:00:00+02:00
                bob,2026-09-15T09:00:00+02:00
                """);
        Map<String, Instant> at = SubmissionTimes.csv(times);
        ZonedDateTime due = ZonedDateTime.parse("2026-09-13T23:59:00+02:00");
        List<LateGradebook.Row> rows = LateGradebook.apply(gradebook, at, due, new LatePolicy(15, 10, 5), 50);
        assertEquals(80, rows.get(0).adjusted());
        assertEquals(90, rows.get(1).raw());
        assertEquals(72, rows.get(1).adjusted());     // two started days late
        assertEquals(2, rows.get(1).days());
        assertEquals(61, rows.get(2).adjusted());
        assertTrue(rows.get(2).note().contains("no submission time"));
        assertEquals(36, rows.get(1).weekScore(), "72 of 100 lab points in a lab worth 50");
        assertEquals(25, rows.get(2).weekScore(), "61 of 122 lab points in a lab worth 50");
        Path out = tmp.resolve("gradebook-late.csv");
        LateGradebook.write(rows, out);
        List<String> lines = Files.readAllLines(out);
        assertEquals("student,raw_score,adjusted_score,max_score,week_score,week_points,submitted_at,late_days,note",
                lines.get(0));
        assertTrue(lines.get(2).startsWith("bob,90,72,100,36,50,2026-09-15T07:00:00Z,2,"), lines.get(2));
    }

    @Test
    void gradescopeMetadataAndBadTimes() throws Exception {
        Path meta = Files.writeString(tmp.resolve("submission_metadata.json"),
                "{\"created_at\": \"2026-09-14T00:10:07.123456-07:00\", \"users\": []}");
        assertEquals(Instant.parse("2026-09-14T07:10:07.123456Z"), SubmissionTimes.gradescope(meta));
        Path bad = Files.writeString(tmp.resolve("t.csv"), "student,submitted_at\nada,2026-09-14T00:10:00Z\nbob,yesterday\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SubmissionTimes.csv(bad));
        assertTrue(e.getMessage().contains("t.csv:3"), e.getMessage());
        Path noHeader = Files.writeString(tmp.resolve("n.csv"), "name,time\nada,2026-09-14T00:10:00Z\n");
        e = assertThrows(IllegalArgumentException.class, () -> SubmissionTimes.csv(noHeader));
        assertTrue(e.getMessage().contains("student, submitted_at"), e.getMessage());
    }
}
