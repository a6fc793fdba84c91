/**
 * Gradescope: the autograder bundle of one lab (setup.sh, run_autograder and the part of the course
 * it needs) and what {@code run_autograder} does inside the container: grade the one submission and
 * write Gradescope's results ({@code report.GradescopeResults}).
 *
 * <p>Uses {@code course}, {@code publish} (the poms), {@code late}, {@code report}, {@code sandbox} (to close the
 * results to student code) and the grading stages through the command it runs.
 */
package wirelab.grading.autograder;
