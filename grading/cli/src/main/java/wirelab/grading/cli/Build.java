package wirelab.grading.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;

/** Compiles the given labs' solutions and starters (with their tests) through the Maven wrapper. */
final class Build {

    private Build() {
    }

    static void compile(Course course, List<Lab> labs) throws IOException, InterruptedException {
        Path mvnw = course.root().resolve("mvnw");
        List<String> command = new ArrayList<>();
        command.add(Files.isExecutable(mvnw) ? mvnw.toString() : "mvn");
        command.addAll(List.of("-q", "-B", "process-test-classes", "-am", "-pl"));
        command.add(labs.stream().map(l -> "solutions/" + l.name() + ",labs/" + l.name()).collect(Collectors.joining(",")));
        System.out.println("wirelab: compiling " + labs.stream().map(Lab::name).toList() + " (solutions and starters)");
        Process p = new ProcessBuilder(command).directory(course.root().toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the build failed: fix it first (" + String.join(" ", command) + " shows why)");
        }
    }
}
