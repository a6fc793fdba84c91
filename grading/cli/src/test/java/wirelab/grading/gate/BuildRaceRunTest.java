package wirelab.grading.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.course.Lab;
import wirelab.grading.course.LabBuild;

class BuildRaceRunTest {

    private static final List<String> TESTS = List.of("x.ARace", "x.BRace");

    @Test
    @DisplayName("The build's jcstress run stands for the gate's only when it is newer than the classes and passed every race test")
    void onlyAFreshRunThatPassedAll(@TempDir Path dir) throws IOException {
        LabBuild build = new LabBuild(new Lab("fixture", dir, dir.resolve("starter"), new Properties()));
        Path cls = write(dir.resolve("target/classes/x/A.class"), "", 1_000);
        write(dir.resolve("target/test-classes/x/ARace.class"), "", 1_000);
        Path results = dir.resolve("target/jcstress/results");
        assertEquals(Optional.empty(), BuildRaceRun.passedAll(build, TESTS), "no run yet");

        write(results.resolve("x.ARace.html"), "", 2_000);
        write(results.resolve("x.BRace.html"), "", 2_000);
        Path index = write(results.resolve("index.html"),
                "<td>Overall pass rate:</td><td> 2/2&nbsp;</td>", 2_000);
        assertTrue(BuildRaceRun.passedAll(build, TESTS).isPresent(), "fresh, 2 of 2");

        write(index, "<td>Overall pass rate:</td><td> 1/2&nbsp;</td>", 2_000);
        assertEquals(Optional.empty(), BuildRaceRun.passedAll(build, TESTS), "one failed");

        write(index, "<td>Overall pass rate:</td><td> 2/2&nbsp;</td>", 2_000);
        Files.setLastModifiedTime(cls, FileTime.fromMillis(3_000));
        assertEquals(Optional.empty(), BuildRaceRun.passedAll(build, TESTS), "the solution was compiled again since");

        Files.setLastModifiedTime(cls, FileTime.fromMillis(1_000));
        assertEquals(Optional.empty(), BuildRaceRun.passedAll(build, List.of("x.ARace", "x.BRace", "x.CRace")),
                "a race test the run did not have");
    }

    private static Path write(Path file, String text, long millis) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(millis));
        return file;
    }
}
