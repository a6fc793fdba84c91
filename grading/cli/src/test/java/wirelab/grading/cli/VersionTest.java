package wirelab.grading.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import wirelab.grading.course.Course;

class VersionTest {

    @DisplayName("wirelab --version says the version of the parent pom, as built")
    @Test
    void versionComesFromTheBuild() throws IOException {
        String pom = Files.readString(Course.locate().root().resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<artifactId>wirelab-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "the parent pom names its version after its artifactId");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream was = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run("--version"));
        } finally {
            System.setOut(was);
        }
        assertEquals("wirelab " + m.group(1), out.toString(StandardCharsets.UTF_8).lines().findFirst().orElse(""));
    }
}
