/**
 * The release gate ({@code ./wirelab check}, and {@code ./mvnw verify} through the gate module):
 * per lab, its contract names real tests, the solution passes every test, the starter fails every
 * graded one, nothing hidden leaks into labs/; the verdicts as a table.
 *
 * <p>Uses {@code course}, {@code publish} (the rendered starter), {@code run} (test JVMs), {@code
 * race}, {@code peers} and {@code files}; the commands call it, nothing else does.
 */
package wirelab.grading.check;
