package wirelab.grading.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exports a TA downloads are recognised by their layout, each submission named and timed from it. */
class ClassExportsTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("a Gradescope export zip: one submission per metadata entry, named by email, timed by :created_at:")
    void gradescopeZip() throws Exception {
        Map<String, Path> sources = new LinkedHashMap<>();
        for (String id : List.of("submission_231004", "submission_231007", "submission_231011")) {
            sources.put(id, TaFixtures.tinySources(tmp.resolve("src-" + id), "rmi", id));
        }
        Path zip = TaFixtures.gradescopeZip(tmp.resolve("assignment_4711_export.zip"), sources);
        assertTrue(GradescopeExport.is(zip));
        List<String> warnings = new ArrayList<>();
        List<Handin> h = ClassExports.read(List.of(zip), tmp.resolve("scratch"), warnings);

        assertEquals(3, h.size(), h.toString());
        Handin carol = h.get(0);
        assertEquals("gradescope", carol.source());
        assertEquals("submission_231004", carol.sourceId());
        assertEquals(new Submitter("Carol Shaw", "carol@uni.example", "20261005", ""), carol.submitters().get(0));
        assertEquals("carol@uni.example", carol.defaultName());
        assertEquals(Instant.parse("2026-10-04T20:41:13.128934Z"), carol.submittedAt(), "Ruby's 'Z' time");
        assertTrue(Files.isRegularFile(carol.input().resolve("src/main/java/wirelab/rmi/Hello.java")), "unpacked");
        Handin group = h.get(1);
        assertEquals(2, group.submitters().size(), "a group submission keeps every member");
        assertEquals(Instant.parse("2026-10-05T21:03:57.297916Z"), group.submittedAt(), "Ruby's offset time");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("lists submission_231013 but the export has no folder"), warnings.toString());
    }

    @Test
    @DisplayName("the same export unpacked into a folder (with the zip's top folder) reads the same")
    void gradescopeFolder() throws Exception {
        Path export = tmp.resolve("unpacked/assignment_4711_export");
        Files.createDirectories(export);
        Files.copy(TaFixtures.resource("submission_metadata.yml"), export.resolve("submission_metadata.yml"));
        TaFixtures.tinySources(export.resolve("submission_231004"), "rmi", "carol");
        List<String> warnings = new ArrayList<>();
        List<Handin> h = ClassExports.read(List.of(tmp.resolve("unpacked")), tmp.resolve("scratch"), warnings);
        assertEquals(List.of("submission_231004"), h.stream().map(Handin::sourceId).toList());
        assertEquals(3, warnings.size(), "three entries have no folder: " + warnings);
    }

    @Test
    @DisplayName("a GitHub Classroom clone: named by GitHub user, timed by the last commit")
    void classroomClone() throws Exception {
        Map<String, Path> src = new LinkedHashMap<>();
        src.put("ada-l", TaFixtures.tinySources(tmp.resolve("a"), "rmi", "ada"));
        src.put("mallory-x", TaFixtures.tinySources(tmp.resolve("m"), "rmi", "mallory"));
        Path clone = TaFixtures.classroomClone(tmp, "rmi-lab", src,
                Map.of("ada-l", "2026-10-04T21:00:00+02:00", "mallory-x", "2026-10-06T09:30:00+02:00"));
        assertEquals("rmi-lab-submissions", clone.getFileName().toString());
        List<Handin> h = ClassExports.read(List.of(clone), tmp.resolve("scratch"), new ArrayList<>());
        assertEquals(List.of("ada-l", "mallory-x"), h.stream().map(Handin::defaultName).toList());
        assertEquals("classroom", h.get(0).source());
        assertEquals("rmi-lab-ada-l", h.get(0).sourceId());
        assertEquals(Instant.parse("2026-10-04T19:00:00Z"), h.get(0).submittedAt());
        assertEquals(Instant.parse("2026-10-06T07:30:00Z"), h.get(1).submittedAt());

        // one clone named on its own (a regrade): still a Classroom clone, still named by its user
        List<Handin> one = ClassExports.read(List.of(clone.resolve("rmi-lab-mallory-x")), tmp.resolve("s2"), new ArrayList<>());
        assertEquals("mallory-x", one.get(0).defaultName());

        // a renamed clone folder: the assignment prefix the clones share is found
        Path renamed = Files.move(clone, tmp.resolve("week4"));
        List<Handin> r = ClassExports.read(List.of(renamed), tmp.resolve("s3"), new ArrayList<>());
        assertEquals(List.of("ada-l", "mallory-x"), r.stream().map(Handin::defaultName).toList());
    }

    @Test
    @DisplayName("a plain folder of zips and folders: each one student by its name, with no submit time")
    void plainFolder() throws Exception {
        Path dir = tmp.resolve("submissions");
        TaFixtures.tinySources(dir.resolve("alice"), "rmi", "alice");
        TaFixtures.tinySources(dir.resolve("bob"), "rmi", "bob");
        List<Handin> h = ClassExports.read(List.of(dir), tmp.resolve("scratch"), new ArrayList<>());
        assertEquals(List.of("alice", "bob"), h.stream().map(Handin::defaultName).toList());
        assertNull(h.get(0).submittedAt());
        assertFalse(GradescopeExport.is(dir));
    }

    @Test
    void rubyAndIsoTimes() {
        assertEquals(Instant.parse("2019-09-04T21:03:57.297916Z"), GradescopeExport.time("2019-09-04 21:03:57.297916000 Z"));
        assertEquals(Instant.parse("2016-09-26T16:38:17Z"), GradescopeExport.time("2016-09-26 17:38:17 +01:00"));
        assertEquals(Instant.parse("2026-09-14T07:10:07.123456Z"), GradescopeExport.time("2026-09-14T00:10:07.123456-07:00"));
        assertNull(GradescopeExport.time("yesterday"));
    }
}
