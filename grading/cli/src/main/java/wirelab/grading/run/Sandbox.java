package wirelab.grading.run;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Wraps a test JVM's command line in whatever isolation the machine offers, watches it while it
 * runs and cleans up after it. The plain fork adds nothing; stronger sandboxes (a sandbox uid,
 * bubblewrap, resource limits) prefix their own launcher.
 */
public interface Sandbox {

    /** The command that runs {@code command} isolated, for this spec. */
    List<String> wrap(List<String> command, TestJvmSpec spec);

    /** One line for reports: what isolation this is. */
    String describe();

    /** The isolation in a few words, for one-line summaries ("bubblewrap + sandbox uid"). */
    default String level() {
        return "plain fork";
    }

    /** Whether a submission graded here is kept from doing {@code threat}. */
    default boolean confines(Threat threat) {
        return false;
    }

    /** How this machine meets {@code threat}, in a sentence (the doctor's per-kind answer). */
    default String explain(Threat threat) {
        return "not confined: the code runs with the grader's own rights";
    }

    /** Whether a test JVM here can run {@code program} (a peer a test drives), as the tests would find it on PATH. */
    default boolean canRun(String program) {
        return wirelab.testkit.Tools.find(program).isPresent();
    }

    /**
     * While the JVM runs (asked every few tens of milliseconds): why it must be stopped now, when it
     * went past a limit the sandbox watches (disk, memory), or null.
     */
    default String exceeded(TestJvmSpec spec, ProcessHandle jvm) {
        return null;
    }

    /**
     * After the JVM ended and before anything it wrote is read: ends every process it left
     * behind and removes what it wrote outside its folder. Returns what it found, for the feedback.
     */
    default List<String> ended(TestJvmSpec spec) {
        return List.of();
    }

    /**
     * Once no JVM of this spec runs any more (a part of a submission's tests, its race tests, the
     * reference's run): gives back what they held (a uid, a cgroup, staged classes). True when one
     * of them was killed for running out of memory.
     */
    default boolean release(TestJvmSpec spec) {
        return false;
    }

    /**
     * At the end of a batch: processes that outlived their test in spite of {@link #ended}, ended
     * now, and what they were (the demo's escape check).
     */
    default List<String> leftovers() {
        return List.of();
    }

    /** A path student code must not read, the folder to close when it can, and what that folder is (for the note). */
    record Guarded(Path probe, Path close, String what) {
    }

    /**
     * Before any student code runs here: closes to it whatever of {@code guarded} it could read,
     * saying so, and warns about what stays readable that is not the grader's to close (homes).
     * Nothing to do where the code sees none of it, or runs with the grader's own rights anyway
     * (the loud warning of {@link #confines} false says that).
     *
     * @throws IllegalStateException when something stays readable after closing it
     */
    default void guard(List<Guarded> guarded, Consumer<String> say) {
    }

    /**
     * What the doctor adds to the kinds of {@link Threat} about this isolation on this machine: a
     * gap of a kind of its own (network), whether the course's {@code secrets} (a file standing for
     * each secret folder of {@code course}) are readable to student code before grading closes them,
     * readable homes.
     */
    default List<Remark> remarks(Path course, List<Path> secrets) {
        return List.of();
    }

    /** One of {@link #remarks}: under a kind of its own ({@code kind} a word), or a note ({@code kind} null). */
    record Remark(String kind, String text) {
    }

    /** How to get stronger isolation on this machine (what keeps bubblewrap from working), one line each; empty when there is none to get. */
    default List<String> advice() {
        return List.of();
    }

    /** No isolation beyond a separate process: for the course's own code (./wirelab check). */
    Sandbox PLAIN = new Sandbox() {
        @Override
        public List<String> wrap(List<String> command, TestJvmSpec spec) {
            return command;
        }

        @Override
        public String describe() {
            return "plain fork (no isolation)";
        }
    };
}
