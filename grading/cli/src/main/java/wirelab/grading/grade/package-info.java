/**
 * One submission, stage by stage ({@link Grader}: intake, overlay, compile, run, race tests,
 * score), and what a lab's submissions share, prepared once ({@link PreparedLab}): the plan learnt
 * from the reference ({@link Baseline}), the fixed split of the tests over test JVMs ({@link
 * Shards}), the spare JVM turns.
 *
 * <p>Uses the stage packages ({@code intake}, {@code overlay}, {@code compile}, {@code run}, {@code
 * race}), {@code peers}, {@code sandbox}, {@code publish} (the starter's published files), {@code
 * result}, {@code course} and {@code files}. Knows nothing of classes or lanes ({@code batch}).
 */
package wirelab.grading.grade;
