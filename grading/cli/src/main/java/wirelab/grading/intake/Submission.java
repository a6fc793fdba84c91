package wirelab.grading.intake;

import java.nio.file.Path;
import java.util.List;

/**
 * One student's submission after intake: who (the folder or zip name), where it came from,
 * the folder that holds the lab ({@code src/main/java} inside), and what intake noticed.
 *
 * @param labRoot null when the submission was refused or holds no sources of the lab
 * @param refused null, or the reason it cannot be graded
 */
public record Submission(String student, Path input, Path labRoot, List<String> notes, String refused) {
}
