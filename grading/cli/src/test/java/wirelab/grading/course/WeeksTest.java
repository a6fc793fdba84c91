package wirelab.grading.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeeksTest {

    static final Set<String> LABS = Set.of("sockets", "threads");
    static final String GOOD = """
            week: 1
            title: Sockets
            release: 2026-09-07
            due: 2026-09-13T23:59:00+02:00
            labs: [sockets]
            points: 100
            late: {grace_minutes: 15, percent_per_day: 10, max_days: 5}
            """;

    @TempDir
    Path modules;

    Path write(String folder, String yaml) throws IOException {
        Path dir = Files.createDirectories(modules.resolve(folder));
        return Files.writeString(dir.resolve("module.yaml"), yaml);
    }

    @Test
    @DisplayName("the course's own modules/ describe weeks 1-4 with sockets, threads, dispatcher, rmi")
    void courseDescriptorsAreValid() {
        Course course = Course.locate();
        List<Week> weeks = course.weeks();
        assertEquals(List.of(1, 2, 3, 4), weeks.stream().map(Week::number).toList());
        assertEquals(List.of("sockets", "threads", "dispatcher", "rmi"),
                weeks.stream().flatMap(w -> w.labs().stream()).toList());
        assertEquals("week1-sockets", course.weekOf(course.requireLab("sockets")).orElseThrow().dir().getFileName().toString());
    }

    @Test
    void readsEveryField() throws IOException {
        write("week1-sockets", GOOD);
        Week w = Weeks.load(modules, LABS).get(0);
        assertEquals("Sockets", w.title());
        assertEquals("2026-09-13T21:59:00Z", w.due().toInstant().toString());
        assertEquals(15, w.late().graceMinutes());
        assertEquals(10.0, w.late().percentPerDay());
    }

    @Test
    void badDateNamesFileAndField() throws IOException {
        Path f = write("week1-sockets", GOOD.replace("due: 2026-09-13T23:59:00+02:00", "due: 2026-13-40"));
        DescriptorException e = assertThrows(DescriptorException.class, () -> Weeks.load(modules, LABS));
        assertEquals(f, e.file());
        assertEquals("due", e.field());
        assertTrue(e.getMessage().startsWith(f + ": field 'due'"), e.getMessage());
    }

    @Test
    void badReleaseDate() throws IOException {
        write("week1-sockets", GOOD.replace("release: 2026-09-07", "release: next monday"));
        assertEquals("release", assertThrows(DescriptorException.class, () -> Weeks.load(modules, LABS)).field());
    }

    @Test
    void deadlineBeforeRelease() throws IOException {
        write("week1-sockets", GOOD.replace("release: 2026-09-07", "release: 2026-10-07"));
        assertEquals("due", assertThrows(DescriptorException.class, () -> Weeks.load(modules, LABS)).field());
    }

    @Test
    void unknownLabNamesFileAndField() throws IOException {
        Path f = write("week1-sockets", GOOD.replace("labs: [sockets]", "labs: [sokets]"));
        DescriptorException e = assertThrows(DescriptorException.class, () -> Weeks.load(modules, LABS));
        assertEquals(f, e.file());
        assertEquals("labs", e.field());
        assertTrue(e.getMessage().contains("unknown lab 'sokets'"), e.getMessage());
    }

    @Test
    void duplicateWeekNamesTheSecondFile() throws IOException {
        write("week1-sockets", GOOD);
        Path second = write("week1-threads", GOOD.replace("labs: [sockets]", "labs: [threads]"));
        DescriptorException e = assertThrows(DescriptorException.class, () -> Weeks.load(modules, LABS));
        assertEquals(second, e.file());
        assertEquals("week", e.field());
    }

    @Test
    void labReleasedTwice() throws IOException {
        write("week1-sockets", GOOD);
        write("week2-sockets", GOOD.replace("week: 1", "week: 2"));
        assertEquals("labs", assertThrows(DescriptorException.class, () -> Weeks.load(modules, LABS)).field());
    }

    @Test
    void unknownAndBadFields() throws IOException {
        write("week1-sockets", GOOD + "deadline: tomorrow\n");
        assertEquals("deadline", assertThrows(DescriptorException.class, () -> Weeks.load(modules, LABS)).field());
        write("week1-sockets", GOOD.replace("percent_per_day: 10", "percent_per_day: 150"));
        assertEquals("late.percent_per_day", assertThrows(DescriptorException.class, () -> Weeks.load(modules, LABS)).field());
        write("week1-sockets", GOOD.replace("week: 1", "week: one"));
        assertEquals("week", assertThrows(DescriptorException.class, () -> Weeks.load(modules, LABS)).field());
        write("week1-sockets", GOOD.replace("points: 100", "points: -3"));
        assertEquals("points", assertThrows(DescriptorException.class, () -> Weeks.load(modules, LABS)).field());
    }
}
