package wirelab.grading.course;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One week of the course, from {@code modules/week<N>-<name>/module.yaml}.
 *
 * @param dir     the module folder (holds the descriptor and the handout)
 * @param release the Monday the student repository gets this week
 * @param due     the deadline, one instant (the descriptor carries its UTC offset)
 * @param labs    the labs released this week, by name (folders of solutions/)
 * @param points  what the week is worth in the gradebook
 * @param handout the handout file, relative to {@code dir}
 */
public record Week(Path dir, int number, String title, LocalDate release, ZonedDateTime due, List<String> labs,
        double points, String handout, LatePolicy late) {

    public static final String DESCRIPTOR = "module.yaml";

    public Path descriptor() {
        return dir.resolve(DESCRIPTOR);
    }

    public Path handoutFile() {
        return dir.resolve(handout);
    }
}
