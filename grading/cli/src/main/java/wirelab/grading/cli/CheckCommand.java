package wirelab.grading.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder replaced below. */
@Command(name = "check", description = "Release gate (being written).")
final class CheckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
