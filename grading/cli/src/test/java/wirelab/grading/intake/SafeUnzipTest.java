package wirelab.grading.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking untrusted zips: every trick is refused with one clear sentence, good zips unpack. */
class SafeUnzipTest {

    @TempDir
    Path tmp;

    private Path zip(String name, String... entries) throws IOException {
        Path zip = tmp.resolve(name);
        try (OutputStream f = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(f)) {
            for (String e : entries) {
                z.putNextEntry(new ZipEntry(e));
                if (!e.endsWith("/")) {
                    z.write(("content of " + e).getBytes(StandardCharsets.UTF_8));
                }
                z.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void unpacksAnOrdinaryZip() throws Exception {
        Path zip = zip("alice.zip", "threads/src/main/java/wirelab/threads/A.java", "threads/README.md");
        SafeUnzip.unzip(zip, tmp.resolve("out"));
        assertTrue(Files.isRegularFile(tmp.resolve("out/threads/src/main/java/wirelab/threads/A.java")));
    }

    @Test
    void refusesAnEntryThatClimbsOut() throws Exception {
        Path zip = zip("slip.zip", "ok.txt", "../../evil.txt");
        Refused r = assertThrows(Refused.class, () -> SafeUnzip.unzip(zip, tmp.resolve("deep/out")));
        assertTrue(r.getMessage().contains("escapes its folder"), r.getMessage());
        assertFalse(Files.exists(tmp.resolve("evil.txt")));
    }

    @Test
    void refusesAnAbsolutePath() throws Exception {
        Path zip = zip("abs.zip", "/tmp/evil.txt");
        Refused r = assertThrows(Refused.class, () -> SafeUnzip.unzip(zip, tmp.resolve("out")));
        assertTrue(r.getMessage().contains("absolute"), r.getMessage());
    }

    @Test
    void refusesTooManyFilesAndTooManyBytes() throws Exception {
        Path many = zip("many.zip", "a", "b", "c", "d");
        assertThrows(Refused.class, () -> SafeUnzip.unzip(many, tmp.resolve("o1"), 1 << 20, 3));
        Path big = zip("big.zip", "a", "b");
        Refused r = assertThrows(Refused.class, () -> SafeUnzip.unzip(big, tmp.resolve("o2"), 15, 100));
        assertTrue(r.getMessage().contains("MiB"), r.getMessage());
    }

    @Test
    void refusesASymbolicLinkMadeByZipOnUnix() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.createSymbolicLink(src.resolve("shadow"), Path.of("/etc/shadow"));
        Path zip = tmp.resolve("link.zip");
        Process p = new ProcessBuilder("zip", "-q", "-y", zip.toString(), "shadow").directory(src.toFile())
                .redirectErrorStream(true).start();
        if (p.waitFor() != 0) {
            return; // no zip(1) here: the central-directory parser is still covered by the demo's zip sample
        }
        Refused r = assertThrows(Refused.class, () -> SafeUnzip.unzip(zip, tmp.resolve("out")));
        assertTrue(r.getMessage().contains("symbolic link"), r.getMessage());
    }

    @Test
    void refusesSomethingThatIsNotAZip() throws Exception {
        Path fake = Files.writeString(tmp.resolve("fake.zip"), "not a zip");
        Submission s = new Intake("threads").open(fake, tmp.resolve("scratch"));
        assertNotNull(s.refused());
        assertNull(s.labRoot());
    }

    @Test
    void findsTheLabOneFolderDownAndSaysWhatItIgnored() throws Exception {
        Path repo = tmp.resolve("alice-repo");
        Files.createDirectories(repo.resolve("course-main/threads/src/main/java/wirelab/threads"));
        Files.createDirectories(repo.resolve("course-main/sockets/src/main/java/wirelab/sockets"));
        Files.createDirectories(repo.resolve("notes"));
        Submission s = new Intake("threads").open(repo, tmp.resolve("scratch"));
        assertNull(s.refused(), s.refused());
        assertEquals(repo.resolve("course-main/threads"), s.labRoot());
        assertTrue(s.notes().stream().anyMatch(n -> n.contains("lab found in course-main/threads")), s.notes().toString());
        assertTrue(s.notes().contains("ignored notes/"), s.notes().toString());
    }

    @Test
    void refusesAFolderWithoutTheLab() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("bob"));
        Files.writeString(empty.resolve("README"), "hi");
        Submission s = new Intake("threads").open(empty, tmp.resolve("scratch"));
        assertTrue(s.refused().contains("no src/main/java"), s.refused());
        assertEquals(List.of(), s.notes());
    }
}
