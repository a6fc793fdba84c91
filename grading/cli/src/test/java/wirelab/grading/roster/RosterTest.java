package wirelab.grading.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.intake.Handin;
import wirelab.grading.intake.Submitter;
import wirelab.grading.intake.TaFixtures;

/** The roster says who every submission is, whatever export it came from, and refuses to be ambiguous. */
class RosterTest {

    @TempDir
    Path tmp;

    static Handin classroom(String user) {
        return new Handin("classroom", "rmi-" + user, Path.of("rmi-submissions", "rmi-" + user),
                List.of(Submitter.github(user)), Instant.parse("2026-10-04T10:00:00Z"), "last commit");
    }

    static Handin gradescope(String id, Submitter... who) {
        return new Handin("gradescope", id, Path.of(id), List.of(who), null, "");
    }

    @Test
    @DisplayName("GitHub users, Gradescope SIDs and emails (any case) and folder names map to one student each")
    void matchesEveryIdentity() {
        Roster roster = Roster.read(TaFixtures.resource("roster.csv"));
        assertEquals(7, roster.students().size());
        assertEquals("ada", roster.match(classroom("Ada-L")).get(0).student().student());
        assertEquals("github", roster.match(classroom("ada-l")).get(0).by());
        assertEquals("sis_id", roster.match(gradescope("s1", new Submitter("Ada", "x@y", "20261001", ""))).get(0).by());
        assertEquals("email", roster.match(gradescope("s2", new Submitter("", "GRACE@uni.example", "", ""))).get(0).by());
        List<Roster.Match> group = roster.match(gradescope("s3", new Submitter("Grace", "", "20261002", ""),
                new Submitter("Alan", "", "20261003", "")));
        assertEquals(List.of("grace", "alan"), group.stream().map(m -> m.student().student()).toList());
        Handin folder = new Handin("folder", "alan", Path.of("subs/alan"), List.of(), null, "");
        assertEquals("student", roster.match(folder).get(0).by());
        assertTrue(roster.match(classroom("mallory-x")).isEmpty());
    }

    @Test
    @DisplayName("names: the roster key when matched, the export's handle otherwise, never a known student's folder")
    void namesEverySubmissionOnce() {
        Roster roster = Roster.read(TaFixtures.resource("roster.csv"));
        Handin byKey = new Handin("folder", "ada", Path.of("x/ada"), List.of(Submitter.github("ada")), null, "");
        List<String> warnings = new ArrayList<>();
        List<ClassList.Named> named = ClassList.name(List.of(classroom("ada-l"), classroom("mallory-x"),
                gradescope("submission_9", new Submitter("Ada", "ada@uni.example", "", "")), byKey), roster, warnings);
        assertEquals(List.of("ada", "mallory-x", "ada-2", "ada-3"), named.stream().map(ClassList.Named::student).toList(),
                "a GitHub user that is a roster key is that student");
        assertEquals(List.of("ada"), named.get(0).identity().roster());
        assertEquals(List.of(), named.get(1).identity().roster(), "not on the roster");
        assertEquals("2026-10-04T10:00:00Z", named.get(0).identity().submittedAt());
        assertTrue(warnings.get(0).startsWith("ada has two submissions: rmi-ada-l and submission_9"), warnings.toString());
        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals(List.of("mallory-x"), ClassIntake.select(named, List.of("MALLORY-X")).stream()
                .map(ClassList.Named::student).toList());
        assertEquals("ada", ClassIntake.select(named, List.of("ada-l")).get(0).student(), "by GitHub user");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClassIntake.select(named, List.of("zed")));
        assertTrue(e.getMessage().contains("no such submission"), e.getMessage());
    }

    @Test
    @DisplayName("a roster that could send one submission to two students is refused, naming the line")
    void refusesDuplicates() throws Exception {
        Path f = Files.writeString(tmp.resolve("roster.csv"), "student,sis_id,name,email,github,section\n"
                + "ada,1,Ada,ada@x,ada-l,A\nbob,2,Bob,ADA@x,bob,A\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Roster.read(f));
        assertTrue(e.getMessage().contains("roster.csv:3: email 'ada@x' is also given for student 'ada'"), e.getMessage());
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "student,name\nada b,Ada\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Roster.read(bad)).getMessage().contains("bad.csv:2"));
        Path none = Files.writeString(tmp.resolve("none.csv"), "name,email\nAda,a@x\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Roster.read(none)).getMessage()
                .contains("must name the columns student"));
    }

    @Test
    @DisplayName("who a graded submission is survives in submission.json")
    void identityRoundTrips() {
        Identity id = new Identity("ada", "gradescope", "submission_1", List.of(new Submitter("Ada", "a@x", "1", "")),
                "2026-10-04T20:41:13.128934Z", ":created_at:", List.of("ada"), "sis_id");
        id.write(tmp.resolve("students/ada"));
        assertEquals(id, Identity.read(tmp.resolve("students/ada")));
        assertEquals(Instant.parse("2026-10-04T20:41:13.128934Z"), Identity.times(tmp).get("ada"));
    }
}
