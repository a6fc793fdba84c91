/**
 * {@code ./wirelab demo}: the sample submissions of {@code grading/samples/}, written as a student
 * would hand them in, graded as a class, and each checked against its {@code sample.properties}
 * expectation and for escapes from the sandbox.
 *
 * <p>Uses {@code batch}, {@code grade}, {@code compile}, {@code course}, {@code result}, {@code
 * run}, {@code sandbox}, {@code peers} and {@code files}.
 */
package wirelab.grading.demo;
