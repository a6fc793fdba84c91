package wirelab.grading.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import wirelab.grading.batch.ClassFiles;

/** The options of a command that works on a graded class: its output folder, and the lab when OUT does not say. */
final class GradedClass {

    @Parameters(paramLabel = "OUT", description = "The output folder of ./wirelab grade.")
    private Path outDir;

    @Option(names = "--lab", paramLabel = "LAB", description = "The lab (default: the one OUT was graded for).")
    private String lab;

    Path outDir() {
        return outDir;
    }

    ClassFiles.Context context() {
        return ClassFiles.context(outDir, lab);
    }
}
