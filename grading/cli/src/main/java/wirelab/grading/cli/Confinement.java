package wirelab.grading.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.run.Sandbox;
import wirelab.grading.run.Threat;
import wirelab.grading.sandbox.Exposure;
import wirelab.testkit.Peers;

/**
 * What a command that runs student code says and checks about isolation before it starts: a loud
 * warning when the code would run with the grader's own rights (said again at the end), a refusal
 * when {@code --isolation=required} (or CI=true) asks for more, and, without bubblewrap, the
 * grader's folders closed to the sandbox uids ({@link Sandbox#guard}).
 */
final class Confinement {

    static final String REQUIRED = "required";

    private Confinement() {
    }

    /** The warning when student code is not kept from the grader's files, or null when it is. */
    static String warning(Sandbox sandbox) {
        if (sandbox.confines(Threat.READ)) {
            return null;
        }
        return """
                WARNING: student code runs with YOUR OWN RIGHTS here (not root, no working bubblewrap): a submission
                WARNING: can read and change your files (the course's hidden tests, other students, results), reach
                WARNING: the network, and leave processes running. Only the limits hold. Install bubblewrap
                WARNING: (%s; ./wirelab doctor says why it does not work), or grade as root, where each
                WARNING: test JVM runs as a sandbox uid. --isolation=required refuses to grade like this.""".formatted(
                Peers.installHint("bwrap"));
    }

    /**
     * Refuses when {@code mode} (or CI=true) requires confinement this machine lacks; else says the
     * warning, if any.
     */
    static void check(Sandbox sandbox, String mode, Consumer<String> say) {
        check(sandbox, mode, System.getenv("CI"), say);
    }

    /** {@link #check(Sandbox, String, Consumer)} with CI's value given. */
    static void check(Sandbox sandbox, String mode, String ci, Consumer<String> say) {
        if (mode != null && !mode.equals(REQUIRED) && !mode.equals("auto")) {
            throw new IllegalArgumentException("--isolation is auto or required, not " + mode);
        }
        boolean required = REQUIRED.equals(mode) || (mode == null && "true".equalsIgnoreCase(ci));
        String warning = warning(sandbox);
        if (warning != null && required) {
            throw new IllegalStateException("refusing to grade: student code would run with the grader's own rights ("
                    + sandbox.describe() + "), and " + (REQUIRED.equals(mode) ? "--isolation=required" : "CI=true")
                    + " requires it confined. Install bubblewrap or grade as root (./wirelab doctor says how).");
        }
        if (warning != null) {
            say.accept(warning);
        }
    }

    /**
     * Without bubblewrap, as root: closes to the sandbox uids what they could read of the course's
     * hidden tests and reference, the output folder and the submissions; warns about readable homes.
     */
    static void closeFolders(Sandbox sandbox, Course course, Lab lab, Path out, List<Path> submissions,
            Consumer<String> say) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out, e);
        }
        List<Sandbox.Guarded> guarded = new ArrayList<>();
        for (Path secret : List.of(lab.hiddenTests(), lab.mainSources(), lab.raceTests())) {
            Exposure.anyFileIn(secret).ifPresent(f -> guarded.add(new Sandbox.Guarded(f, course.root(),
                    "the course checkout (hidden tests, reference solutions)")));
        }
        guarded.add(new Sandbox.Guarded(out, out, "the output folder (every student's results)"));
        for (Path s : submissions) {
            guarded.add(new Sandbox.Guarded(s, s, "the submissions"));
        }
        sandbox.guard(guarded, say);
    }
}
