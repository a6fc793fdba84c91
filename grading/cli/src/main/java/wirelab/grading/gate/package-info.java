/**
 * The release gate ({@code ./wirelab check}, and {@code ./mvnw verify} through the gate module):
 * per lab, its contract names real tests, the solution passes every test, the starter fails every
 * graded one, nothing hidden leaks into labs/ ({@link ReleaseGate}, {@link LeakScan},
 * {@link ContractCheck}); the verdicts as a table.
 *
 * <p>Uses {@code course}, {@code publish} (the rendered starter), {@code run} (test JVMs),
 * {@code race}, {@code peers} and {@code files}; only the {@code check} and {@code publish}
 * commands call it.
 */
package wirelab.grading.gate;
