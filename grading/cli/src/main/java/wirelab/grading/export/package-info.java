/**
 * The class's final scores for an LMS (Canvas, Moodle) and the per-test matrix: graded score, staff
 * adjustments, then the late policy, one row per roster student.
 *
 * <p>Uses {@code result}, {@code roster}, {@code late} and {@code course}.
 */
package wirelab.grading.export;
