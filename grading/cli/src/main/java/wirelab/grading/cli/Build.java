package wirelab.grading.cli;

import java.util.ArrayList;
import java.util.List;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.course.Maven;

/** Compiles the given labs' solutions and starters (with their tests) through the Maven wrapper. */
final class Build {

    private Build() {
    }

    static void compile(Course course, List<Lab> labs) {
        List<String> modules = new ArrayList<>();
        labs.forEach(l -> {
            modules.add("solutions/" + l.name());
            modules.add("labs/" + l.name());
        });
        if (Maven.processTestClasses(course, modules, true) != 0) {
            throw new IllegalStateException("the build failed: fix it first (./mvnw process-test-classes -am -pl "
                    + String.join(",", modules) + " shows why)");
        }
    }
}
