package wirelab.grading.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import wirelab.testkit.Peers;
import wirelab.testkit.Tools;

/** What keeps bubblewrap from working on this machine, and how to fix it: the doctor's advice ({@link IsolatedSandbox#advice}). */
final class BubblewrapAdvice {

    private BubblewrapAdvice() {
    }

    /**
     * How to get bubblewrap working on this machine, when it is not: install it, or what keeps it from
     * making its namespaces (Ubuntu's AppArmor restriction, a sysctl, a container's seccomp profile).
     */
    static List<String> of(IsolatedSandbox sandbox) {
        if (sandbox.bubblewrap()) {
            return List.of();
        }
        if (Isolation.forcedLevel() != null) {
            return List.of("WIRELAB_SANDBOX=" + Isolation.forcedLevel() + " chose this level:"
                    + " bubblewrap was not tried");
        }
        return of(Tools.find("bwrap").isPresent(), sandbox.bubblewrapProblem(), BubblewrapAdvice::sysctl,
                Files.exists(Path.of("/.dockerenv")) || Files.exists(Path.of("/run/.containerenv")));
    }

    /**
     * The advice for a machine where bubblewrap does not work, from what it has: whether bwrap is
     * installed (and what it said), its kernel settings (name under /proc/sys → value, null when
     * absent), whether it is a container.
     */
    static List<String> of(boolean installed, String problem, java.util.function.Function<String, String> sysctl,
            boolean container) {
        List<String> out = new ArrayList<>();
        boolean appArmor = "1".equals(sysctl.apply("kernel/apparmor_restrict_unprivileged_userns"));
        if (!installed) {
            out.add("bubblewrap is not installed: " + Peers.installHint("bwrap")
                    + (appArmor ? "; then, on this machine, it needs the AppArmor profile below" : ""));
            if (!appArmor) {
                return out;
            }
        } else {
            out.add("bubblewrap is installed but cannot make its namespaces here" + (problem == null ? ""
                    : " (\"" + problem + "\")") + ":");
        }
        int said = out.size();
        if (appArmor) {
            out.add("  Ubuntu 23.10+ (24.04 too) lets only programs with an AppArmor profile that allows it make user"
                    + " namespaces (kernel.apparmor_restrict_unprivileged_userns=1). Give bwrap one: write"
                    + " /etc/apparmor.d/bwrap with");
            out.add("    abi <abi/4.0>,");
            out.add("    include <tunables/global>");
            out.add("    profile bwrap /usr/bin/bwrap flags=(unconfined) {");
            out.add("      userns,");
            out.add("    }");
            out.add("  then sudo apparmor_parser -r /etc/apparmor.d/bwrap; or, for every program,"
                    + " sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0 (kept across reboots in /etc/sysctl.d/).");
        }
        if ("0".equals(sysctl.apply("kernel/unprivileged_userns_clone"))) {
            out.add("  unprivileged user namespaces are off: sudo sysctl -w kernel.unprivileged_userns_clone=1");
        }
        if ("0".equals(sysctl.apply("user/max_user_namespaces"))) {
            out.add("  user namespaces are limited to none: sudo sysctl -w user.max_user_namespaces=15000");
        }
        if (container) {
            out.add("  this is a container: Docker's default seccomp profile refuses the namespaces bubblewrap needs"
                    + " (run it with --security-opt seccomp=unconfined --security-opt apparmor=unconfined), or grade as"
                    + " root inside it: each test JVM then runs as a sandbox uid, as on Gradescope.");
        }
        if (out.size() == said && installed) {
            out.add("  run bwrap --unshare-all --ro-bind / / true to see why; a kernel without user namespaces, or a"
                    + " seccomp filter, are the usual causes.");
        }
        return out;
    }

    private static String sysctl(String name) {
        try {
            return Files.readString(Path.of("/proc/sys", name)).strip();
        } catch (IOException e) {
            return null;
        }
    }
}
