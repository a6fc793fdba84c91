package wirelab.grading.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void bubblewrapAdviceNamesUbuntusAppArmorRestriction() {
        java.util.function.Function<String, String> ubuntu = name ->
                name.equals("kernel/apparmor_restrict_unprivileged_userns") ? "1" : null;
        String refused = String.join("\n", Doctor.bubblewrapAdvice(true, "setting up uid map: Permission denied", ubuntu, false));
        for (String named : List.of("Permission denied", "kernel.apparmor_restrict_unprivileged_userns", "/etc/apparmor.d/bwrap",
                "profile bwrap /usr/bin/bwrap flags=(unconfined)", "userns,", "sudo apparmor_parser -r /etc/apparmor.d/bwrap",
                "sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0")) {
            assertTrue(refused.contains(named), "the advice names " + named + ":\n" + refused);
        }
        String notInstalled = String.join("\n", Doctor.bubblewrapAdvice(false, null, ubuntu, false));
        assertTrue(notInstalled.startsWith("bubblewrap is not installed") && notInstalled.contains("/etc/apparmor.d/bwrap"),
                "after installing it, it still needs the profile:\n" + notInstalled);
        assertEquals(1, Doctor.bubblewrapAdvice(false, null, name -> null, false).size(), "elsewhere: install it");
        String docker = String.join("\n", Doctor.bubblewrapAdvice(true, null, name -> null, true));
        assertTrue(docker.contains("seccomp") && docker.contains("sandbox uid"), docker);
        String bare = String.join("\n", Doctor.bubblewrapAdvice(true, null, name -> null, false));
        assertTrue(bare.contains("bwrap --unshare-all"), bare);
    }
}
