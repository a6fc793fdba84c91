package wirelab.grading.intake;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One submission as a class export hands it in, before grading: where its files are, who
 * submitted it and when.
 *
 * @param source      classroom (a {@code gh classroom clone student-repos} clone), gradescope (an
 *                    "Export Submissions" folder or zip), folder or zip
 * @param sourceId    the name it has in the export: the repository, {@code submission_<id>}, the folder or zip
 * @param submitters  who submitted it (empty for a plain folder or zip: its name is all there is)
 * @param submittedAt when, or null when the export does not say
 * @param timeNote    where the time comes from, or why there is none
 */
public record Handin(String source, String sourceId, Path input, List<Submitter> submitters, Instant submittedAt,
        String timeNote) {

    public Handin {
        submitters = List.copyOf(submitters);
    }

    /** The name results go under when no roster says otherwise. */
    public String defaultName() {
        return submitters.isEmpty() || submitters.get(0).handle().isEmpty() ? Intake.studentOf(input)
                : submitters.get(0).handle();
    }
}
