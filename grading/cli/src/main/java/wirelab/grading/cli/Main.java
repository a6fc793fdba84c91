package wirelab.grading.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./wirelab}: the instructor's and TA's command line. */
@Command(name = "wirelab",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Courseware for distributed-systems programming: publish labs, check them, grade a class.",
        subcommands = {
            PublishCommand.class,
            CheckCommand.class,
            GradeCommand.class,
            DemoCommand.class,
            AutograderCommand.class,
            AdjustCommand.class,
            ExportCommand.class,
            LateCommand.class,
            SimilarityCommand.class,
            DiffCommand.class,
            MutateCommand.class,
            DoctorCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("wirelab: " + e.getMessage());
                    if (System.getenv("WIRELAB_DEBUG") != null) {
                        e.printStackTrace(cmd.getErr());
                    }
                    return 2;
                })
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
