package wirelab.grading.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BubblewrapAdviceTest {

    @Test
    void bubblewrapAdviceNamesUbuntusAppArmorRestriction() {
        java.util.function.Function<String, String> ubuntu = name ->
                name.equals("kernel/apparmor_restrict_unprivileged_userns") ? "1" : null;
        String refused = String.join("\n", BubblewrapAdvice.of(true, "setting up uid map: Permission denied", ubuntu, false));
        for (String named : List.of("Permission denied", "kernel.apparmor_restrict_unprivileged_userns", "/etc/apparmor.d/bwrap",
                "profile bwrap /usr/bin/bwrap flags=(unconfined)", "userns,", "sudo apparmor_parser -r /etc/apparmor.d/bwrap",
                "sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0")) {
            assertTrue(refused.contains(named), "the advice names " + named + ":\n" + refused);
        }
        String notInstalled = String.join("\n", BubblewrapAdvice.of(false, null, ubuntu, false));
        assertTrue(notInstalled.startsWith("bubblewrap is not installed") && notInstalled.contains("/etc/apparmor.d/bwrap"),
                "after installing it, it still needs the profile:\n" + notInstalled);
        assertEquals(1, BubblewrapAdvice.of(false, null, name -> null, false).size(), "elsewhere: install it");
        String docker = String.join("\n", BubblewrapAdvice.of(true, null, name -> null, true));
        assertTrue(docker.contains("seccomp") && docker.contains("sandbox uid"), docker);
        String bare = String.join("\n", BubblewrapAdvice.of(true, null, name -> null, false));
        assertTrue(bare.contains("bwrap --unshare-all"), bare);
    }
}
