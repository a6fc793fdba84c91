package wirelab.grading.cli;

import java.nio.file.Path;
import java.util.List;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.publish.GateStamps;
import wirelab.grading.publish.StudentRepo;

/** {@code publish --week N --out DIR}: the student repository, behind the release gate. */
final class StudentPublish {

    private StudentPublish() {
    }

    static int run(Course course, Integer week, Path out) {
        if (week == null || out == null) {
            System.err.println("wirelab publish: --week N and --out DIR go together");
            return 2;
        }
        StudentRepo repo = new StudentRepo(course, week);
        List<String> refusals = GateStamps.of(course.root()).refusals(repo.labs());
        if (!refusals.isEmpty()) {
            System.err.println("wirelab publish: refusing to release week 1-" + week + ": the release gate has not passed");
            refusals.forEach(r -> System.err.println("  " + r));
            System.err.println("Run ./wirelab check " + repo.labs().stream().map(l -> "--lab " + l.name())
                    .reduce((a, b) -> a + " " + b).orElse("") + " and publish again.");
            return 1;
        }
        List<String> unchecked = GateStamps.of(course.root()).warnings(repo.labs());
        if (!unchecked.isEmpty()) {
            System.out.println("WARNING: the release gate passed, but some tests were NOT CHECKED (a peer program was"
                    + " missing where ./wirelab check ran; run it where they are installed, or on CI):");
            unchecked.forEach(u -> System.out.println("  " + u));
        }
        int n = repo.write(out);
        System.out.println("wrote the student repository for weeks 1-" + week + " to " + out + " (" + n + " files): "
                + repo.labs().stream().map(Lab::name).toList());
        System.out.println("Next: cd " + out + " && ./mvnw -q test   (the public tests fail on the starters: that is the point)");
        return 0;
    }
}
