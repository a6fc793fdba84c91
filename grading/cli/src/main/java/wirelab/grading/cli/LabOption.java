package wirelab.grading.cli;

import picocli.CommandLine.Option;

/** {@code --lab LAB}, for the commands that work on one lab. */
final class LabOption {

    @Option(names = "--lab", required = true, paramLabel = "LAB",
            description = "The lab: a folder of solutions/ (threads, sockets, dispatcher, rmi).")
    private String name;

    String name() {
        return name;
    }
}
