package wirelab.grading.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.adjust.Adjustments;
import wirelab.grading.intake.Submitter;
import wirelab.grading.intake.TaFixtures;
import wirelab.grading.late.Deadline;
import wirelab.grading.result.SubmissionResult;
import wirelab.grading.roster.Identity;
import wirelab.grading.roster.Roster;

/** The final scores (graded, adjusted, late policy) as Canvas and Moodle import them. */
class LmsExportTest {

    @TempDir
    Path tmp;

    static final Deadline DUE = TaFixtures.RMI_DUE;

    static SubmissionResult result(String student, double score) {
        return TaFixtures.result(student, score, 70);
    }

    static Identity id(String student, String at, String... roster) {
        return new Identity(student, "gradescope", "submission_" + student, List.of(new Submitter("", "", "", "")), at, "",
                List.of(roster), "sis_id");
    }

    List<FinalScores.Row> rows() {
        Roster roster = Roster.read(TaFixtures.resource("roster.csv"));
        SubmissionResult ada = Adjustments.apply(result("ada", 60), List.of(new Adjustments.Row(2, "ada", "", -2, "no README",
                "kim"))).result();
        // grace and alan submitted together, a day and a bit late: -10 %
        List<SubmissionResult> results = List.of(ada, result("grace", 50), result("eve@uni.example", 70));
        Map<String, Identity> ids = Map.of("ada", id("ada", "2026-10-04T20:00:00Z", "ada"),
                "grace", id("grace", "2026-10-05T21:03:57Z", "grace", "alan"),
                "eve@uni.example", id("eve@uni.example", "2026-10-04T20:00:00Z"));
        return FinalScores.of(results, ids, Optional.of(roster), DUE, Map.of());
    }

    @Test
    @DisplayName("Canvas: its five student columns, the assignment, the Points Possible row, the roster's ids")
    void canvas() throws Exception {
        Path f = tmp.resolve("canvas.csv");
        LmsExport.write(LmsExport.Format.CANVAS, rows(), 70, new LmsExport.Options("Week 4: RMI (48213)", null, false), f);
        List<String> lines = Files.readAllLines(f);
        assertEquals(List.of(
                "Student,ID,SIS User ID,SIS Login ID,Section,Week 4: RMI (48213)",
                "Points Possible,,,,,70",
                "\"Lovelace, Ada\",1001,20261001,alovelace,A,58",
                "\"Hopper, Grace\",1002,20261002,ghopper,A,45",
                "\"Turing, Alan\",1003,20261003,aturing,B,45",
                "\"Deleted, Dora\",1004,20261004,ddeleted,B,",
                "\"Shaw, Carol\",1005,20261005,cshaw,A,",
                "\"Builder, Bob\",1006,20261006,bbuilder,B,",
                "\"Allen, Frank\",1007,20261007,fallen,B,"), lines);
    }

    @Test
    @DisplayName("Moodle: ID number and email to match on, the grade scaled when asked; csv: every step of the score")
    void moodleAndCsv() throws Exception {
        Path m = tmp.resolve("moodle.csv");
        LmsExport.write(LmsExport.Format.MOODLE, rows(), 70, new LmsExport.Options("RMI lab", 100.0, true), m);
        assertEquals(List.of("ID number,Email address,Full name,RMI lab",
                "20261001,ada@uni.example,\"Lovelace, Ada\",82.86",
                "20261002,grace@uni.example,\"Hopper, Grace\",64.29",
                "20261003,alan@uni.example,\"Turing, Alan\",64.29",
                "20261004,dora@uni.example,\"Deleted, Dora\",0",
                "20261005,carol@uni.example,\"Shaw, Carol\",0",
                "20261006,bob@uni.example,\"Builder, Bob\",0",
                "20261007,frank@uni.example,\"Allen, Frank\",0"), Files.readAllLines(m));
        Path c = tmp.resolve("all.csv");
        LmsExport.write(LmsExport.Format.CSV, rows(), 70, new LmsExport.Options("x", null, false), c);
        List<String> lines = Files.readAllLines(c);
        assertEquals("student,sis_id,name,email,section,github,graded_as,graded_score,adjustment,late_days,score,max_score,"
                + "submitted_at,note", lines.get(0));
        assertTrue(lines.get(1).startsWith("ada,20261001,\"Lovelace, Ada\",ada@uni.example,A,ada-l,ada,60,-2,0,58,70,"), lines.get(1));
        assertTrue(lines.get(3).startsWith("alan,20261003,\"Turing, Alan\",alan@uni.example,B,,grace,50,0,1,45,70,"), lines.get(3));
        assertTrue(lines.get(8).startsWith("eve@uni.example,,,,,,eve@uni.example,70,0,0,70,70,")
                && lines.get(8).contains("not on the roster"), lines.get(8));
    }

    @Test
    @DisplayName("--times wins over the export's time")
    void timesFileWins() {
        Roster roster = Roster.read(TaFixtures.resource("roster.csv"));
        List<FinalScores.Row> rows = FinalScores.of(List.of(result("ada", 60)), Map.of("ada", id("ada", "2026-10-04T20:00:00Z",
                "ada")), Optional.of(roster), DUE, Map.of("ada", Instant.parse("2026-10-07T20:00:00Z")));
        assertEquals(42, rows.get(0).score(), "3 days late: -30 %");
        assertTrue(rows.get(0).note().endsWith("(--times)"), rows.get(0).note());
    }
}
