package wirelab.grading.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirelab.grading.course.Lab;

/** The doctor reads @Needs from the sources (a fresh clone has built nothing), with each test's points. */
class DoctorTest {

    @TempDir
    Path tmp;

    @Test
    void needsAndPointsAreReadFromTheTestSources() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("src/test/java/wirelab/demo"));
        Files.writeString(root.resolve("InteropTest.java"), """
                package wirelab.demo;
                class InteropTest {
                    @Test
                    @Points(2)
                    @Needs("python3")
                    @DisplayName("a Python client (with (parentheses)) talks to your server")
                    void test01_python() throws Exception { }

                    @Test
                    @Points(value = 1.5)
                    @Needs({"nc", "curl"})
                    void test02_both() { }

                    @Test
                    @Points(3)
                    void test03_none() { }
                }
                """);
        Lab lab = new Lab("demo", tmp, tmp, new Properties());
        Map<String, List<Doctor.Dependent>> needs = Doctor.needsIn(lab, tmp.resolve("src/test/java"));
        assertEquals(Map.of(
                "python3", List.of(new Doctor.Dependent("demo", "InteropTest#test01_python", 2)),
                "nc", List.of(new Doctor.Dependent("demo", "InteropTest#test02_both", 1.5)),
                "curl", List.of(new Doctor.Dependent("demo", "InteropTest#test02_both", 1.5))), needs);
    }
}
