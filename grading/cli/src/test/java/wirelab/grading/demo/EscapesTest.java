package wirelab.grading.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.course.Lab;

/** The demo's check that no hidden test's source reached a result file: any lab's hidden test, not only the graded one's. */
class EscapesTest {

    @TempDir
    Path course;

    @Test
    void aHiddenTestOfAnotherLabInAFeedbackIsCourseText() throws Exception {
        write("solutions/threads/src/grading/java/BankHiddenTest.java", "assertEquals(100, bank.total(), \"money vanished\");\n");
        write("solutions/sockets/src/grading/java/HiddenTcpTest.java", "static void vanishMidMessage(int port) throws Exception {\n");
        Path out = course.resolve("out/threads");
        write("out/threads/students/alice/feedback.txt", "all good\n");
        write("out/threads/students/mallory/feedback.txt", "failed: it read\n    static void vanishMidMessage(int port) throws Exception {\n");
        Lab threads = new Lab("threads", course.resolve("solutions/threads"), course.resolve("labs/threads"), new Properties());
        Map<String, byte[]> published = Map.of("src/test/java/BankTest.java", "assertEquals(100, bank.total(), \"money vanished\");\n".getBytes());

        assertEquals(List.of("course text from HiddenTcpTest.java reached students/mallory/feedback.txt:"
                + " static void vanishMidMessage(int port) throws Exception {"), Escapes.courseText(threads, published, out));
    }

    private void write(String path, String text) throws Exception {
        Path f = course.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
