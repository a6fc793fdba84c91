package wirelab.grading.run;

import java.util.List;

/**
 * Wraps a test JVM's command line in whatever isolation the machine offers. The plain fork
 * adds nothing; stronger sandboxes (bubblewrap, resource limits) prefix their own launcher.
 */
public interface Sandbox {

    /** The command that runs {@code command} isolated, for this spec. */
    List<String> wrap(List<String> command, TestJvmSpec spec);

    /** One line for reports: what isolation this is. */
    String describe();

    /** True when the test JVM sees only the JDK, its classes and its own folder (bubblewrap). */
    default boolean confinesFiles() {
        return false;
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
