package wirelab.grading.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --lab LAB}, repeatable, for the commands that work on every lab unless told otherwise. */
final class LabsOption {

    @Option(names = "--lab", paramLabel = "LAB", description = "Only this lab (repeatable; default: every lab).")
    private List<String> names = new ArrayList<>();

    List<String> names() {
        return names;
    }
}
