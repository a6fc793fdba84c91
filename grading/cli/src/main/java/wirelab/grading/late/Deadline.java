package wirelab.grading.late;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import wirelab.grading.course.Course;
import wirelab.grading.course.Lab;
import wirelab.grading.course.LatePolicy;
import wirelab.grading.course.Week;

/**
 * A lab's deadline and late policy, from the week that releases it ({@code module.yaml}), and
 * what the lab counts in the course ({@code labPoints}: the week's points split evenly between its labs).
 */
public record Deadline(int week, ZonedDateTime due, LatePolicy policy, double labPoints) {

    /** The deadline of {@code lab}, when a week's descriptor lists it. */
    public static Optional<Deadline> of(Course course, Lab lab) {
        return course.weekOf(lab).map(Deadline::of);
    }

    public static Deadline of(Week w) {
        return new Deadline(w.number(), w.due(), w.late(), w.points() / w.labs().size());
    }

    /** What the policy makes of {@code score} submitted at {@code at}; null when the time is unknown. */
    public LatePolicy.Adjusted apply(double score, Instant at) {
        return at == null ? null : policy.apply(score, at, due);
    }
}
