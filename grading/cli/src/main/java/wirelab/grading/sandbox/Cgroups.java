package wirelab.grading.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-JVM control groups (v1 memory and pids, or a v2 unified tree) where the machine lets us
 * write them: a memory bomb is killed by the kernel, a thread bomb meets a wall.
 */
final class Cgroups {

    private static final Path V1 = Path.of("/sys/fs/cgroup");

    private final long memoryBytes;
    private final int pids;
    private final List<Path> parents;

    private Cgroups(long memoryBytes, int pids, List<Path> parents) {
        this.memoryBytes = memoryBytes;
        this.pids = pids;
        this.parents = parents;
    }

    /** The controllers we can create groups in, or null when there are none. */
    static Cgroups detect(long memoryBytes, int pids) {
        List<Path> parents = new ArrayList<>();
        for (String controller : List.of("memory", "pids")) {
            Path parent = V1.resolve(controller).resolve("wirelab");
            Path probe = parent.resolve("probe-" + ProcessHandle.current().pid());
            try {
                Files.createDirectories(probe);
                String limitFile = controller.equals("memory") ? "memory.limit_in_bytes" : "pids.max";
                if (Files.isWritable(probe.resolve(limitFile))) {
                    parents.add(parent);
                }
                Files.delete(probe);
            } catch (IOException | SecurityException e) {
                // not writable here: no such limit
            }
        }
        return parents.isEmpty() ? null : new Cgroups(memoryBytes, pids, parents);
    }

    /** Whether test JVMs get a memory group (else only a pids group, or none). */
    boolean limitsMemory() {
        return parents.stream().anyMatch(p -> p.getParent().getFileName().toString().equals("memory"));
    }

    String describe() {
        List<String> parts = new ArrayList<>();
        for (Path p : parents) {
            parts.add(p.getParent().getFileName().equals(Path.of("memory"))
                    ? "memory " + memoryBytes / (1024 * 1024) + " MiB" : "pids " + pids);
        }
        return "cgroup v1 (" + String.join(", ", parts) + ")";
    }

    /** Creates the groups for one JVM and returns their cgroup.procs files (the wrapper writes its pid there). */
    List<String> create(String name) {
        List<String> procs = new ArrayList<>();
        for (Path parent : parents) {
            Path group = parent.resolve(name);
            try {
                Files.createDirectories(group);
                if (parent.getParent().getFileName().toString().equals("memory")) {
                    Files.writeString(group.resolve("memory.limit_in_bytes"), Long.toString(memoryBytes));
                    Path swap = group.resolve("memory.memsw.limit_in_bytes");
                    if (Files.isWritable(swap)) {
                        try {
                            Files.writeString(swap, Long.toString(memoryBytes));
                        } catch (IOException e) {
                            // swap accounting off: the memory limit alone
                        }
                    }
                } else {
                    Files.writeString(group.resolve("pids.max"), Integer.toString(pids));
                }
                procs.add(group.resolve("cgroup.procs").toString());
            } catch (IOException e) {
                // this limit is lost for this JVM; the others still hold
            }
        }
        return procs;
    }

    /** Removes the groups of one JVM (after it ended); whatever is still inside is killed first. */
    void remove(String name) {
        for (Path parent : parents) {
            Path group = parent.resolve(name);
            if (!Files.isDirectory(group)) {
                continue;
            }
            try {
                for (String pid : Files.readAllLines(group.resolve("cgroup.procs"))) {
                    ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
                }
            } catch (IOException | NumberFormatException e) {
                // gone already
            }
            for (int i = 0; i < 20; i++) {
                try {
                    Files.delete(group);
                    break;
                } catch (IOException e) {
                    try {
                        Thread.sleep(50); // the kernel frees the group a moment after its last task
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** Whether the memory group of this JVM saw the kernel's OOM killer. */
    boolean oomKilled(String name) {
        for (Path parent : parents) {
            Path ctl = parent.resolve(name).resolve("memory.oom_control");
            try {
                if (Files.exists(ctl) && Files.readString(ctl).contains("oom_kill 1")) {
                    return true;
                }
                Path failcnt = parent.resolve(name).resolve("memory.failcnt");
                if (Files.exists(failcnt) && !Files.readString(failcnt).strip().equals("0")) {
                    return true;
                }
            } catch (IOException e) {
                // unknown
            }
        }
        return false;
    }
}
