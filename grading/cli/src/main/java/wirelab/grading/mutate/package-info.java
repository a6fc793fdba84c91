/**
 * {@code ./wirelab mutate}: student-like mistakes made in the reference's solution regions
 * (JavaParser edits, by operator), each compiled and graded as a submission of one class, and the
 * report of the mutants the tests miss.
 *
 * <p>Uses {@code batch} and {@code grade} (the same pipeline as a class), {@code compile}, {@code
 * result} and {@code files}.
 */
package wirelab.grading.mutate;
