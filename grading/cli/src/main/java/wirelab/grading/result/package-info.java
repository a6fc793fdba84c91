/**
 * What grading concludes about one submission ({@link SubmissionResult}, one {@link TestVerdict}
 * per test) and every file written from it: result.json, Gradescope's results.json, JUnit XML,
 * feedback.txt, and the class's gradebook.csv; {@code diff} between two gradings.
 *
 * <p>A leaf: uses nothing of the tool, so every stage and every report may use it.
 */
package wirelab.grading.result;
