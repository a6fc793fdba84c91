/**
 * What grading concludes about one submission: {@link SubmissionResult} (built by name), one
 * {@link TestVerdict} per test, the staff's {@link Adjustment}s, points as text ({@link Points}),
 * and the CSV tables every file of the class is read and written with ({@link CsvTable}).
 *
 * <p>A leaf: uses nothing of the tool, so every stage and every report may use it.
 */
package wirelab.grading.result;
