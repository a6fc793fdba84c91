package wirelab.grading.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkFilesTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("a link planted under the events file's name reads as nothing, not as what it points to")
    void linksReadAsNothing() throws Exception {
        Path secret = Files.writeString(tmp.resolve("HiddenTest.java"), "class HiddenTest {}");
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.createSymbolicLink(work.resolve("events-1.jsonl"), secret);
        Files.createLink(work.resolve("events-2.jsonl"), secret);
        Files.writeString(work.resolve("events-3.jsonl"), "{\"type\":\"end\"}\n");

        assertEquals(Optional.empty(), WorkFiles.read(work.resolve("events-1.jsonl"), 1 << 20));
        assertEquals(Optional.empty(), WorkFiles.read(work.resolve("events-2.jsonl"), 1 << 20));
        assertEquals(Optional.of("{\"type\":\"end\"}\n"), WorkFiles.read(work.resolve("events-3.jsonl"), 1 << 20));
        assertEquals(Optional.empty(), WorkFiles.read(work.resolve("events-4.jsonl"), 1 << 20));
        assertEquals(Optional.of("{\"ty"), WorkFiles.read(work.resolve("events-3.jsonl"), 4));
    }
}
