package wirelab.grading.cli;

import picocli.CommandLine.Option;

/** {@code --jobs N}, for the commands that grade a lab's submissions (or mutants) on lanes. */
final class JobsOption {

    @Option(names = "--jobs", paramLabel = "N", description = {"Submissions graded at once (default: the cores times the",
        "lab's test JVMs per submission: one JVM each while submissions wait, more for the last ones)."})
    private int jobs;

    /** The lanes asked for; 0 for the lab's own budget. */
    int jobs() {
        return jobs;
    }
}
